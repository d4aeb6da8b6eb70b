package org.cityos.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "Short-1, problem.password-too-short",
        "alllowercaseletters, problem.password-too-simple",
        "Allupper-1234567, problem.password-contains-username",
        "Password1!, problem.password-common",
        "P@ssw0rd1234, ",
        "Strong-Pass-2026, ",
        "城市运行Pass2026, "
    })
    void rules(String password, String expected) {
        String username = password.startsWith("Allupper") ? "allupper" : "zhangsan";
        assertThat(PasswordPolicy.violation(password, username).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5"})
    void generatedOneTimePasswordsAlwaysPass(int attempt) {
        assertThat(PasswordPolicy.violation(Secrets.oneTimePassword(), "admin")).isEmpty();
    }
}
