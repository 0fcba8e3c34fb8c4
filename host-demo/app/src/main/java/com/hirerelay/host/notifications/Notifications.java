package com.hirerelay.host.notifications;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The notifications of every user (table of migration V33). */
public final class Notifications {

    /** The most a list answers at once, newest first. */
    public static final int MAX_LISTED = 100;

    private final Jdbi jdbi;

    public Notifications(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Notifies every admin and, when given and not an admin, the user the export ran as; one statement, so each
     * recipient gets exactly one row.
     *
     * @param userId the user who moved, queued or scheduled the export, or null
     * @return how many users were notified
     */
    public int notifyAdminsAnd(
            Long userId, NotificationKind kind, long candidateId, String connectorId, String message, Instant now) {
        return jdbi.withHandle(handle -> handle.execute(
                "INSERT INTO notifications (user_id, kind, candidate_id, connector_id, message, created_at)"
                        + " SELECT id, ?, ?, ?, ?, ? FROM users WHERE role = 'ADMIN' OR id = ?",
                kind.name(),
                candidateId,
                connectorId,
                message,
                now.toString(),
                userId == null ? -1L : userId));
    }

    /** @return the user's notifications, newest first, at most {@link #MAX_LISTED} */
    public List<Notification> of(long userId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT n.id, n.kind, n.candidate_id, c.first_name || ' ' || c.last_name AS name,"
                                + " n.connector_id, n.message, n.created_at, n.read_at FROM notifications n"
                                + " LEFT JOIN candidates c ON c.id = n.candidate_id WHERE n.user_id = ?"
                                + " ORDER BY n.created_at DESC, n.id DESC LIMIT ?")
                .bind(0, userId)
                .bind(1, MAX_LISTED)
                .map((rs, ctx) -> new Notification(
                        rs.getLong("id"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getLong("candidate_id"),
                        rs.getString("name"),
                        rs.getString("connector_id"),
                        rs.getString("message"),
                        rs.getString("created_at"),
                        rs.getString("read_at") != null))
                .list());
    }

    /** @return how many of the user's notifications are unread */
    public long unread(long userId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
                        .bind(0, userId)
                        .mapTo(Long.class)
                        .one());
    }

    /** @return whether the user has that notification (read now, if it was not) */
    public boolean markRead(long userId, long id, Instant now) {
        return jdbi.withHandle(handle -> handle.execute(
                        "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
                        now.toString(),
                        id,
                        userId))
                > 0;
    }

    /** Marks every notification of the user as read. */
    public void markAllRead(long userId, Instant now) {
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", now.toString(), userId));
    }
}
