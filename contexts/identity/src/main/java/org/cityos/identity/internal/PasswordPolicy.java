package org.cityos.identity.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: 10–128 characters, at least three of lower case, upper case,
 * digits and other characters, not the username, not a well-known password.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "passw0rd",
            "p@ssw0rd",
            "p@ssword",
            "qwerty",
            "qwertyuiop",
            "1qaz2wsx",
            "1qaz@wsx",
            "123456789",
            "1234567890",
            "12345678",
            "abc123456",
            "abcd1234",
            "admin",
            "admin123",
            "administrator",
            "welcome",
            "welcome1",
            "iloveyou",
            "letmein",
            "cityos",
            "cityos123",
            "beijing",
            "daxing",
            "woaini1314",
            "zhang123");

    private PasswordPolicy() {}

    /** The message key of the first rule broken, or empty when the password is acceptable. */
    public static Optional<String> violation(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("problem.password-too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("problem.password-too-long");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of("problem.password-too-simple");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("problem.password-contains-username");
        }
        String stripped = lower.replaceAll("[^a-z@]", "");
        if (COMMON.contains(lower)
                || COMMON.contains(stripped)
                || COMMON.contains(lower.replaceAll("[^a-z0-9@]", ""))) {
            return Optional.of("problem.password-common");
        }
        return Optional.empty();
    }
}
