package com.hirerelay.api.hris;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.Candidate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One connected account of an HR system, opened by {@link HrisConnector#open}. It owns whatever the
 * connector needs per account: an HTTP client, a rate limiter shared by all exports of the account,
 * short-lived caches of reference data.
 *
 * <p>Thread-safe: the host calls it from many request threads at once, including several exports of
 * different candidates concurrently. The host never runs two exports of the same candidate on one
 * connection at the same time. The host bounds every call with the limits of
 * {@link com.hirerelay.api.PluginTimeLimits} and runs it with the plugin's class loader as the thread's
 * context class loader.
 *
 * <p>Failures are reported as {@link com.hirerelay.api.HrisException} subclasses, the same way by every
 * method that calls the HR system ({@link #verify}, {@link #referenceData}, {@link #draftFor},
 * {@link #findExisting}, {@link #export}):
 * <ul>
 *   <li>the HR system refuses the credentials: {@link com.hirerelay.api.InvalidCredentialsException};</li>
 *   <li>the credentials work but lack a permission: {@link com.hirerelay.api.AccessDeniedException};</li>
 *   <li>the HR system refuses for load and the plugin's own bounded retries did not get through:
 *       {@link com.hirerelay.api.RateLimitedException} with the wait the HR system asked for;</li>
 *   <li>the HR system fails, cannot be reached, or answers something the plugin cannot read:
 *       {@link com.hirerelay.api.RemoteUnavailableException};</li>
 *   <li>the HR system answers but refuses the request for a reason that is none of these and names no
 *       field of the draft (a 409 conflict, a 404 for a record that no longer exists, a full quota):
 *       {@link com.hirerelay.api.RemoteRejectedException} with the status it answered (0 for a protocol
 *       without one), not a {@code RemoteUnavailableException}: retrying unchanged does not help. Only
 *       {@link #referenceData} and {@link #draftFor} may instead offer a list they were refused empty;</li>
 *   <li>the HR system no longer serves the API version the connection is set to (an HTTP 410 Gone, a 404 for
 *       the version's whole path): {@link com.hirerelay.api.ApiVersionUnavailableException} naming that version,
 *       neither an outage nor a rejection, since every call fails the same way until an admin changes the
 *       version. {@link #verify} may instead report it as a {@link com.hirerelay.api.ValidationFailedException}
 *       whose field errors name the setting that chooses the version. HR systems without versioned APIs have
 *       no such answer.</li>
 * </ul>
 * Nothing else escapes: no {@code IOException} wrapped in an unchecked exception, no parsing exception.
 * Messages, causes' messages, {@code toString()} and log lines never contain a secret value of the
 * {@link ConnectionSettings}.
 */
public interface HrisConnection extends AutoCloseable {

    /**
     * Checks the credentials with one cheap read and tells whose account they open: it looks up and
     * creates no employee. The host calls it when an admin connects, before anything is saved.
     *
     * @return the account the credentials belong to
     * @throws com.hirerelay.api.InvalidCredentialsException if the HR system refuses the credentials,
     *         or they belong to another environment
     * @throws com.hirerelay.api.ValidationFailedException if a setting is malformed (field errors name
     *         the setting keys)
     * @throws com.hirerelay.api.AccessDeniedException if the credentials may not read the account
     * @throws com.hirerelay.api.RateLimitedException if the HR system kept refusing for load
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached
     * @throws com.hirerelay.api.RemoteRejectedException if the HR system refused the read for another reason
     */
    ConnectedAccount verify();

    /**
     * The choices for the draft's select inputs, read from the HR system. The host asks each time an
     * export dialog opens, so a connector may cache the lists, under these rules:
     * <ul>
     *   <li>a cache belongs to this connection: a connection opened later (the host opens a new one when
     *       the settings change, possibly for another company) reads the lists afresh, and two connections
     *       never serve each other's lists;</li>
     *   <li>a failed or refused read is never cached: once the HR system answers again, the next call
     *       returns the complete lists, not an error or an empty list kept from the failure;</li>
     *   <li>cached lists are served for at most {@link com.hirerelay.api.PluginTimeLimits#REFERENCE_DATA_MAX_AGE}
     *       after they were read, so that a choice added in the HR system shows within a minute; the age is
     *       measured on the host's clock, {@link ConnectionContext#clock()} (the system clock for a connection
     *       opened without a context).</li>
     * </ul>
     *
     * @return the reference lists, each complete: every page the HR system serves is followed to the
     *         end, whatever its page size
     * @throws com.hirerelay.api.InvalidCredentialsException if the credentials stopped working
     * @throws com.hirerelay.api.AccessDeniedException if the credentials may not read any list (a
     *         connector may instead offer an unreadable list empty)
     * @throws com.hirerelay.api.RateLimitedException if the HR system kept refusing for load
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached
     */
    ReferenceData referenceData();

    /**
     * Builds the editable draft for a hired candidate: the connector's default field mapping. Fields
     * whose value the HR system requires are marked required, and a candidate with names and an e-mail
     * address yields a draft whose required fields all have a value. Values follow their
     * {@link DraftFieldType} (ISO dates, dot decimals, {@code true}/{@code false}), a select input's
     * {@link DraftField#referenceList()} names a list of {@link #referenceData()}, and the draft's
     * {@link EmployeeDraft#candidateId()} is the candidate's id. May read {@link #referenceData()} to
     * map a candidate's value to a choice; preselects a choice only from the candidate, an admin's default
     * or a mapping rule, never because it is the only option (see {@link ValueSource}): a select the
     * candidate and the settings leave empty stays empty when the HR system offers a single choice for it.
     * Looks up and creates no employee.
     *
     * @param candidate the candidate to map; the host only passes hired candidates
     * @return the draft, never null
     * @throws com.hirerelay.api.InvalidCredentialsException if reading reference data was refused
     * @throws com.hirerelay.api.RateLimitedException if reading reference data kept being refused for load
     * @throws com.hirerelay.api.RemoteUnavailableException if reading reference data failed
     */
    EmployeeDraft draftFor(Candidate candidate);

    /**
     * Checks a draft before anything is sent: required fields present, formats, choices among the
     * reference data. Looks up and creates no employee; may read (cached) reference data, and does not
     * fail because reference data cannot be read.
     *
     * @param draft the draft as the user edited it
     * @return the problems found, at most one per field, each naming a {@link DraftField#key()} of this
     *         draft; empty when the draft can be exported
     */
    default List<FieldError> validate(EmployeeDraft draft) {
        return List.of();
    }

    /**
     * Looks for an employee the HR system already has for this draft: by e-mail address (compared
     * case-insensitively) and by any external reference the connector writes (such as the candidate id).
     * Creates nothing.
     *
     * @param draft the draft to match
     * @return the existing employee, if any; when the match was by e-mail its
     *         {@link ExistingEmployee#email()} is that address
     * @throws com.hirerelay.api.InvalidCredentialsException if the credentials stopped working
     * @throws com.hirerelay.api.AccessDeniedException if the credentials may not read employees
     * @throws com.hirerelay.api.RateLimitedException if the HR system kept refusing for load
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached
     * @throws com.hirerelay.api.RemoteRejectedException if the HR system refused the look-up for another reason
     */
    Optional<ExistingEmployee> findExisting(EmployeeDraft draft);

    /**
     * Looks for an employee that may stand for the draft's candidate and says how sure the connector is.
     * Unlike {@link #findExisting}, which returns only employees an export would link without asking, this
     * also reports {@linkplain MatchConfidence#POSSIBLE_MATCH possible matches}, so a host can show one to
     * the user before exporting. When several employees qualify, a same-person match wins; otherwise the
     * first possible match is returned.
     *
     * <p>The default treats whatever {@link #findExisting} finds as {@link MatchConfidence#SAME_PERSON};
     * connectors that can tell a weaker signal apart override it.
     *
     * @param draft the draft to match
     * @return the best match, if any
     * @throws com.hirerelay.api.InvalidCredentialsException if the credentials stopped working
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached
     */
    default Optional<EmployeeMatch> findMatch(EmployeeDraft draft) {
        return findExisting(draft)
                .map(existing -> EmployeeMatch.samePerson(existing, "Found by the connector's duplicate check"));
    }

    /**
     * Exports a draft: validates it (an invalid draft is refused before anything is sent), looks for an
     * existing employee (as {@link #findExisting}) and returns {@link ExportOutcome#ALREADY_EXISTS}
     * without creating anything when there is one, and otherwise creates the employee.
     *
     * <p>Never creates the same employee twice: a create is never blindly retried, and after a failure
     * that may have created the employee (no answer, a lost connection, a 5xx after sending) the
     * connector looks again before deciding: found means this export created it
     * ({@link ExportResult#createdConfirmedByLookup}); confirmed absent allows one more create; a look-up
     * that fails too means {@link com.hirerelay.api.ExportOutcomeUnknownException}.
     *
     * <p>Follow-up steps: calls after the create that complete the employee (a contract, an invitation, a
     * reference) are follow-up steps. One that fails after the employee exists is an
     * {@link ExportWarning} in {@link ExportResult#warnings()} naming the step: the export returns
     * {@link ExportOutcome#CREATED} with the warning, neither claiming full success (no warning) nor
     * throwing (the employee exists, and the host must link it). The warnings are empty only when every
     * step went through.
     *
     * @param draft the draft as the user edited it
     * @return the employee that now stands for the candidate
     * @throws com.hirerelay.api.ValidationFailedException if the draft is invalid or the HR system refused
     *         it; nothing was created; field errors name keys of this draft
     * @throws com.hirerelay.api.InvalidCredentialsException if the credentials stopped working
     * @throws com.hirerelay.api.AccessDeniedException if the credentials may not create employees
     * @throws com.hirerelay.api.RateLimitedException if the HR system kept refusing for load
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system failed before creating
     * @throws com.hirerelay.api.RemoteRejectedException if the HR system refused the look-up or the create
     *         for a reason that names no field of the draft (a 409, say); nothing was created
     * @throws com.hirerelay.api.ExportOutcomeUnknownException if the employee may have been created but
     *         that could not be confirmed
     * @throws PossibleMatchException if the HR system has an employee that may be the
     *         candidate; nothing was created or linked (see {@link #export(EmployeeDraft, MatchDecision)})
     * @throws com.hirerelay.api.ApiVersionUnavailableException if the HR system no longer serves the
     *         connection's API version
     */
    ExportResult export(EmployeeDraft draft);

    /**
     * Exports a draft after a person answered a {@link PossibleMatchException}: with
     * {@link MatchDecision.Choice#LINK} the named employee is linked
     * ({@link ExportOutcome#ALREADY_EXISTS}) provided {@link #findMatch} still offers it; with
     * {@link MatchDecision.Choice#CREATE_NEW} the employee is created although the named employee exists.
     * A match the person was not shown (another employee, or a new same-person match) is never overridden:
     * the export then stops or links exactly as {@link #export(EmployeeDraft)} would.
     *
     * <p>The default serves connectors that report no possible matches: it links when {@link #findMatch}
     * finds the named employee and otherwise behaves as {@link #export(EmployeeDraft)}.
     *
     * @param draft the draft as the user edited it
     * @param decision the person's choice; null behaves as {@link #export(EmployeeDraft)}
     * @return the employee that now stands for the candidate
     * @throws com.hirerelay.api.ValidationFailedException if the draft is invalid, or the employee to link
     *         is no longer a match; nothing was created
     * @throws PossibleMatchException if a possible match other than the one decided on
     *         turned up
     */
    default ExportResult export(EmployeeDraft draft, MatchDecision decision) {
        if (decision != null && decision.choice() == MatchDecision.Choice.LINK) {
            Optional<EmployeeMatch> match = findMatch(draft);
            if (match.isPresent() && match.get().employee().employeeId().equals(decision.employeeId())) {
                return ExportResult.alreadyExists(match.get().employee());
            }
        }
        return export(draft);
    }

    /**
     * What this connection can do beyond exporting new employees. The host offers a capability's actions
     * (a documents section in the export dialog, say) only when the connection declares it, and calls a
     * capability's methods only then. May depend on the settings or the account (a plan without documents),
     * but not change while the connection is open.
     *
     * <p>Does no I/O. The default declares none.
     *
     * @return the declared capabilities, never null
     * @since 1.3.0
     */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /**
     * Uploads one of the candidate's documents to the file of an employee that an export created or linked
     * ({@link Capability#DOCUMENTS}). The host calls it once per document the user chose, after the
     * export, each as its own step: one failing upload does not stop the others.
     *
     * <p>Never uploads the same document twice for an employee: before sending, the connector looks for a
     * document it uploaded earlier with the same content (by {@link CandidateDocument#sha256()}, or by name
     * and size where the HR system keeps no checksum) and returns it with
     * {@link UploadedDocument#alreadyPresent()} true; an upload whose answer was lost is settled the same way
     * on the next call. The host also records each document uploaded per employee and does not ask again.
     *
     * <p>The default refuses: a connector that declares {@link Capability#DOCUMENTS} overrides it.
     *
     * @param employeeId the HR system's id of the employee; not blank
     * @param document the document, its bytes read while this call runs
     * @return where the document now is
     * @throws com.hirerelay.api.CapabilityNotSupportedException if the connection does not declare
     *         {@link Capability#DOCUMENTS}
     * @throws com.hirerelay.api.ValidationFailedException if the HR system refuses the document (its type,
     *         its size); nothing was stored
     * @throws com.hirerelay.api.RemoteRejectedException if the employee no longer exists
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached; credentials,
     *         permission and load are reported as by every remote method (see above)
     * @since 1.3.0
     */
    default UploadedDocument uploadDocument(String employeeId, CandidateDocument document) {
        throw new com.hirerelay.api.CapabilityNotSupportedException(
                Capability.DOCUMENTS, "This HR system's connector does not upload documents.");
    }

    /**
     * Reads, live, what the HR system holds now for an employee that an export created or linked
     * ({@link Capability#UPDATE_EMPLOYEE}), in the terms of the draft: one value per draft field the connector
     * can read, and per field how a change would be sent ({@link UpdatableField}). A host shows it beside the
     * candidate's values before an update; it is never cached, because the point is to see edits made in the
     * HR system since the export. Changes nothing.
     *
     * <p>The default refuses: a connector that declares {@link Capability#UPDATE_EMPLOYEE} overrides it.
     *
     * @param employeeId the HR system's id of the employee; not blank
     * @param draft the candidate's draft ({@link #draftFor}); its keys say which values to read
     * @return the employee's values and routes, never null
     * @throws com.hirerelay.api.CapabilityNotSupportedException if the connection does not declare
     *         {@link Capability#UPDATE_EMPLOYEE}
     * @throws com.hirerelay.api.RemoteRejectedException with status 404 if the employee no longer exists
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached; credentials,
     *         permission and load are reported as by every remote method (see above)
     * @since 1.3.0
     */
    default EmployeeValues currentValues(String employeeId, EmployeeDraft draft) {
        throw new com.hirerelay.api.CapabilityNotSupportedException(
                Capability.UPDATE_EMPLOYEE, "This HR system's connector does not update employees.");
    }

    /**
     * Changes fields of an employee that an export created or linked ({@link Capability#UPDATE_EMPLOYEE}),
     * each by its {@linkplain EmployeeValues#route route}: employee fields in place; contract fields on one
     * contract version, corrected or new from a date as {@code options} say; read-only fields are not sent
     * and come back {@link FieldUpdateStatus#READ_ONLY} with the reason. Fields not named in {@code changes}
     * are not sent, whatever the draft holds for them.
     *
     * <p>Checks every change before sending anything: a malformed value (as {@link #validate} would report it)
     * refuses the whole update with {@link com.hirerelay.api.ValidationFailedException} naming its key. Once
     * sending has started, a group of fields the HR system refuses or does not confirm is reported per field
     * as {@link FieldUpdateStatus#FAILED} with the reason, and the other groups still go: the result is
     * returned, not thrown, because some fields may have changed.
     *
     * <p>Never makes two contract versions for one change: before starting a new version the connector looks
     * for a version of the employee that applies from the same day, and corrects that one instead. Sending the
     * same update twice leaves the employee as sending it once.
     *
     * <p>The default refuses: a connector that declares {@link Capability#UPDATE_EMPLOYEE} overrides it.
     *
     * @param employeeId the HR system's id of the employee; not blank
     * @param draft the candidate's draft with the values to send; gives the changes' types and any value a
     *              change needs with it (a salary's period, say)
     * @param changes the fields to change, keys unique and naming fields of {@code draft}; not empty
     * @param options how contract fields are changed; ignored when no change is a contract field
     * @return one outcome per change, in the order of {@code changes}
     * @throws com.hirerelay.api.CapabilityNotSupportedException if the connection does not declare
     *         {@link Capability#UPDATE_EMPLOYEE}
     * @throws com.hirerelay.api.ValidationFailedException if a change is malformed; nothing was sent
     * @throws com.hirerelay.api.RemoteRejectedException with status 404 if the employee no longer exists;
     *         nothing was sent
     * @throws com.hirerelay.api.RemoteUnavailableException if the HR system cannot be reached before anything
     *         was sent; credentials, permission and load are reported as by every remote method (see above)
     * @since 1.3.0
     */
    default UpdateResult update(
            String employeeId, EmployeeDraft draft, List<FieldChange> changes, UpdateOptions options) {
        throw new com.hirerelay.api.CapabilityNotSupportedException(
                Capability.UPDATE_EMPLOYEE, "This HR system's connector does not update employees.");
    }

    /**
     * The follow-up steps an export of this draft runs after creating the employee, in the order it runs
     * them. The host records them as pending before it calls {@link #export(EmployeeDraft, MatchDecision,
     * ExportJournal)}, so that a step that never ran is not forgotten. A step that turns out not to be needed
     * may be left unreported; the host then counts it as not run.
     *
     * <p>Does no I/O. The default has no follow-up steps.
     *
     * @param draft the draft about to be exported
     * @return the steps, ids unique; empty when an export of this draft is done once the employee exists
     * @since 1.2.0
     */
    default List<FollowUpStep> followUpSteps(EmployeeDraft draft) {
        return List.of();
    }

    /**
     * Exports as {@link #export(EmployeeDraft, MatchDecision)} does, telling the journal as it goes: the
     * create once confirmed, and each follow-up step before and after it runs (see {@link ExportJournal} for
     * the order). Connectors with {@linkplain #followUpSteps follow-up steps} override this; the host
     * calls it for every export.
     *
     * <p>The default tells the journal nothing and exports as {@link #export(EmployeeDraft, MatchDecision)}:
     * the host then knows the steps' outcome from the result's warnings only, and after a crash cannot tell
     * which ran.
     *
     * @param draft the draft as the user edited it
     * @param decision the person's choice on a possible match, or null
     * @param journal where to tell what happened; never null
     * @return as {@link #export(EmployeeDraft, MatchDecision)}
     * @throws com.hirerelay.api.HrisException as {@link #export(EmployeeDraft, MatchDecision)}
     * @since 1.2.0
     */
    default ExportResult export(EmployeeDraft draft, MatchDecision decision, ExportJournal journal) {
        return export(draft, decision);
    }

    /**
     * Runs a follow-up step for an employee that an export of this draft created, when the host does not
     * know whether the step ran: the host stopped while it ran, its answer was lost, it failed, or the
     * export's outcome was settled by a later look-up. The host calls it after a restart and when the same
     * candidate is exported again, never for an employee that existed before the export.
     *
     * <p>Must be idempotent: look at the employee first and do only what is missing, so that a step that
     * did run is not done twice (a second contract version, a second invitation). Returns normally when the
     * step is done, now or before.
     *
     * <p>The default cannot resume anything and says so; the host then shows the step as failed with that
     * message, for a person to finish in the HR system.
     *
     * @param step one of {@link #followUpSteps} for this draft
     * @param employeeId the employee the export created
     * @param draft the draft the export sent
     * @throws com.hirerelay.api.HrisException when the step failed (the message is shown to users), or
     *         the HR system cannot be reached
     * @throws UnsupportedOperationException when the connector cannot resume steps
     * @since 1.2.0
     */
    default void resumeFollowUp(FollowUpStep step, String employeeId, EmployeeDraft draft) {
        throw new UnsupportedOperationException(
                "This connector cannot finish '" + step.label() + "' by itself; do it in the HR system.");
    }

    /**
     * Releases what the connection holds (HTTP clients, threads). Called once; later calls to other
     * methods are not made. Must not throw, and leaves every other connection of the connector working.
     */
    @Override
    default void close() {}
}
