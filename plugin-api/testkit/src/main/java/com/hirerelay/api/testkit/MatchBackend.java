package com.hirerelay.api.testkit;

/**
 * How {@link HrisMatchContract} puts employees into the HR system behind a plugin under test, as if
 * someone had created them there by hand.
 */
public interface MatchBackend {

    /**
     * Adds an employee.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param email the e-mail address
     * @param employeeNumber the company's own employee number, or null
     * @return the HR system's id of the new employee
     */
    String addEmployee(String firstName, String lastName, String email, String employeeNumber);
}
