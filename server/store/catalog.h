// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/caserecord.h"
#include "protocol/casetype.h"
#include "tx.h"

#include <QHash>
#include <optional>

namespace outpost::server {

/// Case types and data pages: public reference data in the feed.
class Catalog
{
public:
    static Result<std::optional<CaseType>> caseType(Tx &tx, const QString &name);
    /// Stores a case type version and stamps it in the feed; returns the seq it got.
    static Result<qint64> saveCaseType(Tx &tx, const CaseType &type, bool isNew);
    static Result<bool> hasDataPageRow(Tx &tx, const QString &page, const QString &key);
    static Status saveDataPageRow(Tx &tx, const DataPageRow &row, bool isNew);
};

/// A lookup check for the rules engine that asks the database (answers cached per request).
class LookupCache
{
public:
    explicit LookupCache(Tx &tx)
        : m_tx(tx)
    { }
    bool operator()(const QString &page, const QString &key);
    /// The first database error met while checking (the check answers false then).
    const Error &error() const { return m_error; }

private:
    Tx &m_tx;
    QHash<QString, bool> m_known;
    Error m_error;
};

} // namespace outpost::server
