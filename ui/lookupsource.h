// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/caserecord.h"
#include "rules/fieldvalue.h"

#include <QHash>
#include <QList>
#include <QString>

namespace outpost::ui {

/// One row of a data page as a lookup editor offers it.
struct LookupEntry {
    QString key;
    QString label;
};

/// Where lookup editors get data-page rows from. The store implements it over its data-page table;
/// StaticLookupSource holds rows in memory. Calls come from the GUI thread and must be quick (an
/// indexed query with a limit), never a network round trip.
class LookupSource
{
public:
    virtual ~LookupSource() = default;
    /// Rows of `page` whose key or label contains `text` (case-insensitive), keys starting with
    /// `text` first, at most `limit`. An empty `text` returns the first `limit` rows.
    virtual QList<LookupEntry> search(const QString &page, const QString &text, int limit) const = 0;
    /// Whether `key` is a row of `page` (the rules engine's LookupCheck).
    virtual bool contains(const QString &page, const QString &key) const = 0;
    /// The label of `key` in `page`; empty when unknown.
    virtual QString label(const QString &page, const QString &key) const = 0;
};

/// A LookupSource over rows held in memory (sample data, tests, small deployments).
class StaticLookupSource : public LookupSource
{
public:
    void addRow(const QString &page, const QString &key, const QString &label);
    void addRow(const DataPageRow &row) { addRow(row.page, row.key, row.label); }

    QList<LookupEntry> search(const QString &page, const QString &text, int limit) const override;
    bool contains(const QString &page, const QString &key) const override;
    QString label(const QString &page, const QString &key) const override;

private:
    QHash<QString, QList<LookupEntry>> m_pages;
};

/// The labels of `source` for formatFieldValue(); an empty hook when `source` is null.
LookupLabel lookupLabels(const LookupSource *source);

} // namespace outpost::ui
