// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "keyedlistmodel.h"
#include "protocol/casetype.h"

namespace outpost::ui {

class LookupSource;

/// The server's history of a case in plain words, newest first: "alice · 02/12/2026 09:14" and
/// what happened ("Meter reading (kW): 12 → 15", "Note: …", "Attached photo.jpg (1.2 MB)").
/// Key = "<at>|<by>|<position>", ValueRole = the CaseHistoryEntry.
class HistoryModel : public KeyedListModel
{
    Q_OBJECT
public:
    using KeyedListModel::KeyedListModel;

    /// `entries` oldest first as the server sends them; `type` names the fields (may be null).
    void setEntries(const QList<CaseHistoryEntry> &entries, const CaseType *type, const LookupSource *lookup);
    void clear() { setItems({}); }

    /// What one entry says, without who and when.
    static QString describe(const CaseHistoryEntry &entry, const CaseType *type, const LookupSource *lookup);
};

} // namespace outpost::ui
