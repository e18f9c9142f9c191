// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace outpost::ui {

/// The roles a worklist model must answer for WorklistView to search, filter and show badges.
/// Any QAbstractItemModel works (the store's case model, a QStandardItemModel in demos): one row per
/// case, column 0 carries every role below; other columns only need Qt::DisplayRole. The model's row
/// order is the list's order until the technician sorts by a column (most recently updated first is
/// what technicians expect).
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
};

/// Worklist columns as the view lays them out when the model has several columns.
enum WorklistColumn { IdColumn, TitleColumn, TypeColumn, StatusColumn, QueueColumn, UpdatedColumn };

} // namespace outpost::ui
