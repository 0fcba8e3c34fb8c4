/**
 * Uploading a candidate's documents into the employee's file in Factorial: the folder the admin chose (or a
 * "Recruitment" folder created once), a look before every upload so that a document never lands twice.
 */
package com.hirerelay.factorial.documents;
