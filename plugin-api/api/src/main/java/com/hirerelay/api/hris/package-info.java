/**
 * The connector extension point: one {@link com.hirerelay.api.hris.HrisConnector} per HR system, opening
 * one {@link com.hirerelay.api.hris.HrisConnection} per connected account, and the values they exchange
 * with the host.
 *
 * <p>An export, as the host runs it:
 * <ol>
 *   <li>{@link com.hirerelay.api.hris.HrisConnection#draftFor} builds the editable draft from the
 *       candidate, and {@link com.hirerelay.api.hris.HrisConnection#referenceData} fills its select
 *       inputs;</li>
 *   <li>the user edits the draft; the host applies the edits with
 *       {@link com.hirerelay.api.hris.EmployeeDraft#withValues};</li>
 *   <li>{@link com.hirerelay.api.hris.HrisConnection#export} validates the draft (as
 *       {@link com.hirerelay.api.hris.HrisConnection#validate} does) and refuses an invalid one before sending
 *       anything, looks for an existing employee first and creates one only if there is none. The host relies on
 *       that validation and does not call {@code validate} before {@code export}.</li>
 * </ol>
 */
package com.hirerelay.api.hris;
