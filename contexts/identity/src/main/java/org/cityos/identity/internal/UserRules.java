package org.cityos.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cityos.kernel.problem.FieldIssue;

/** Shape rules of a user's fields; scope rules need the tree and live in the facade. */
public final class UserRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]{1,190}\\.[A-Za-z]{2,24}");
    public static final int MAX_NAME = 50;

    private UserRules() {}

    public static List<FieldIssue> checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return List.of(new FieldIssue("username", "problem.username-shape"));
        }
        return List.of();
    }

    public static List<FieldIssue> checkDetails(String displayName, String phone, String email) {
        List<FieldIssue> issues = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            issues.add(new FieldIssue("displayName", "validation.required"));
        } else if (displayName.strip().length() > MAX_NAME) {
            issues.add(new FieldIssue("displayName", "validation.too-long", MAX_NAME));
        } else if (displayName.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            issues.add(new FieldIssue("displayName", "problem.name-characters"));
        }
        if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            issues.add(new FieldIssue("phone", "problem.phone-shape"));
        }
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            issues.add(new FieldIssue("email", "validation.Email"));
        }
        return issues;
    }
}
