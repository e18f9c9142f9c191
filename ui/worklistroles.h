// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace outpost::ui {

/// The roles a worklist model must answer for WorklistView to search, filter and show badges.
/// Any QAbstractItemModel works (the store's case model, a QStandardItemModel in tests): one row per
/// case, column 0 carries every role below; other columns only need Qt::DisplayRole. The model's row
/// order is the list's order until the technician sorts by a column: the plan order, the
/// technician's own cases first (IsMineRole) by due date, then the queues' pools by due date, cases
/// without a due date after those with one, then the most recently updated first.
enum WorklistRole {
    CaseIdRole = Qt::UserRole + 1, ///< QString: server id, or a temp id "tmp-<uuid>"
    CaseTypeRole, ///< QString: case type name (filter "type")
    CaseTypeTitleRole, ///< QString: case type title shown in the type filter
    StatusRole, ///< QString: status (filter "status")
    QueueRole, ///< QString: work queue, empty when assigned (filter "queue")
    AssigneeRole, ///< QString: assignee user id, empty when unassigned
    TitleRole, ///< QString: case title
    UpdatedAtRole, ///< QDateTime: last change (server or local)
    PendingCountRole, ///< int: queued actions not yet sent for this case
    HasConflictRole, ///< bool: a conflict waits for the user
    HasSyncIssueRole, ///< bool: an action of this case was rejected or gone
    SearchTextRole, ///< QString: what the search box matches besides id and title
                    ///< (field values, site labels; one string, precomputed)
    /// Optional, with SearchTextKeyRole: QString, the id and the title case-folded
    /// (QString::toCaseFolded), one line each. A model with tens of thousands of rows answers them
    /// (folded off the GUI thread) so that a keystroke compares without folding every row again;
    /// without them the search matches CaseIdRole, TitleRole and SearchTextRole case-insensitively.
    SearchKeyRole,
    SearchTextKeyRole, ///< QByteArray: SearchTextRole case-folded, UTF-8
    /// Optional, on headerData(0, Qt::Horizontal): QVariantMap {"status", "type", "queue"}, each a
    /// QVariantMap value → label, the values the filters offer. A model with tens of thousands of
    /// rows answers it (collected off the GUI thread) so that the view need not visit every row.
    FilterChoicesRole,
    /// Optional, on headerData(0, Qt::Horizontal): bool, the model sorts itself (sort(); a model
    /// that reloads tens of thousands of rows sorts them off the GUI thread). The view then passes
    /// the technician's sort to the model and keeps the model's row order.
    SortsItselfRole,
    // What a technician plans by (tablet cards use them too). Texts are in people's words already.
    DueAtRole, ///< QDateTime: the assignment's due date (invalid: none); see dueStateOf()
    PriorityRole, ///< QString: the case's `priority` choice value ("low", "normal", "high"; empty: none)
    InstructionsRole, ///< QString: the assignment's instructions to the technician (may be empty)
    SiteRole, ///< QString: the site in people's words (the `site` lookup's label; the key without one)
    StatusLabelRole, ///< QString: the status in people's words ("In progress" for "InProgress")
    IsMineRole, ///< bool: assigned to the signed-in technician (not waiting in a queue's pool)
    /// int, a DueState: answered by WorklistFilterProxy (from DueAtRole and the current time, so that
    /// a row turns overdue without a reload); models need not answer it.
    DueStateRole,
};

/// Where a due date stands: overdue once the time has passed, today when it falls on today's local
/// date, later otherwise; none without a due date.
enum class DueState { None, Later, Today, Overdue };

/// Worklist columns as the view lays them out when the model has several columns. Column 0 carries
/// the roles whatever it shows. Assigned shows the assignee, or the queue for a case in its pool.
enum WorklistColumn {
    IdColumn,
    TitleColumn, ///< the title, the assignment's instructions on a second line
    DueColumn, ///< WorklistFilterProxy words it relative to today ("Today 17:00", "Overdue since …")
    PriorityColumn,
    StatusColumn,
    SiteColumn,
    AssignedColumn,
    TypeColumn,
    UpdatedColumn,
    WorklistColumnCount,
    QueueColumn = AssignedColumn, ///< its former name
};

} // namespace outpost::ui
