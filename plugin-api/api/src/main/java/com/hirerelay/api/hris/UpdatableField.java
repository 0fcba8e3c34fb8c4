package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * How one draft field of an existing employee can be changed.
 *
 * @param key a {@link DraftField#key()} of the draft the values were read for; not blank
 * @param route how a change reaches the HR system; not null
 * @param reason for {@link UpdateRoute#READ_ONLY}, why the field cannot change and what to do instead, for
 *               people (not blank); null for the other routes
 * @since 1.3.0
 */
public record UpdatableField(String key, UpdateRoute route, String reason) {

    /**
     * @throws IllegalArgumentException if the key is blank, the route missing, or a read-only field gives no
     *                                  reason
     */
    public UpdatableField {
        Require.notBlank(key, "field key");
        Require.notNull(route, "route");
        if (route == UpdateRoute.READ_ONLY) {
            Require.notBlank(reason, "reason a field is read-only");
        }
    }

    /**
     * @param key the field key
     * @return a field changed in place on the employee record
     */
    public static UpdatableField employeeField(String key) {
        return new UpdatableField(key, UpdateRoute.EMPLOYEE_FIELD, null);
    }

    /**
     * @param key the field key
     * @return a field kept on the employee's contract versions
     */
    public static UpdatableField contractField(String key) {
        return new UpdatableField(key, UpdateRoute.CONTRACT_FIELD, null);
    }

    /**
     * @param key the field key
     * @param reason why it cannot change, and what to do instead
     * @return a field the HR system does not let change
     */
    public static UpdatableField readOnly(String key, String reason) {
        return new UpdatableField(key, UpdateRoute.READ_ONLY, reason);
    }
}
