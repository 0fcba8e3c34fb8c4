package com.hirerelay.api.hris;

/**
 * The part of the export form a {@link DraftField} belongs to, so that a long draft reads in the order a
 * recruiter thinks about a hire: who the person is, what they were offered, where they sit in the company,
 * and (once connectors send them) their documents. The host names the sections in its own words and shows
 * them in this order; within a section, required fields come first, then the draft's order.
 *
 * <p>A connector assigns sections with {@link EmployeeDraft#EmployeeDraft(String, java.util.List,
 * java.util.Map)}; fields it does not assign are shown under {@link #PERSON}. Since API 1.2.
 */
public enum DraftSection {
    /** Name, contact details, date of birth, nationality, address. */
    PERSON,
    /** Start date, job title, salary and other terms of the contract. */
    JOB_AND_CONTRACT,
    /** Legal entity, location, team, manager and other places in the company's structure. */
    PLACEMENT,
    /** Files that travel with the hire, such as a signed contract. */
    DOCUMENTS
}
