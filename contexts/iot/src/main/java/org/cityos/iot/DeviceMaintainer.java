package org.cityos.iot;

/**
 * Who keeps a device working: an organisation, a contact person and a phone. The contact and the phone
 * are personal data: responses mask them.
 */
public record DeviceMaintainer(String organisation, String contact, String phone) {
    /** The phone with all but the first three and last four digits hidden ({@code 138****5678}). */
    public String maskedPhone() {
        if (phone == null || phone.length() < 8) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** The contact's family name followed by stars ({@code 张**}). */
    public String maskedContact() {
        if (contact == null || contact.isEmpty()) {
            return contact;
        }
        return contact.charAt(0) + "*".repeat(Math.max(1, contact.length() - 1));
    }
}
