// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"
#include "tx.h"

#include <QJsonObject>

#include <optional>

namespace outpost::server {

/// Case types for administrators: the list, one type's document, and a check of a new version
/// that changes nothing (valid? new, a compatible upgrade, or one that forces every client to a
/// full sync?). Publishing stays with AdminStore::publishCaseType, after the same validate().
class CaseTypeStore
{
public:
    struct Summary {
        QString name;
        int version = 0;
        QString title;
        QJsonObject titles, statusLabels; // (extension) as stored, for lists in the user's language
    };
    struct Problem {
        QString path; // "fields[2].type"; empty: the whole document
        QString message;
    };
    struct Check {
        QList<Problem> errors;
        std::optional<CaseType> type; // when the document reads as a case type
        /// "new", "compatible" or "fullSync" (empty when the document is no case type).
        QString verdict;
        QStringList reasons; // what makes it incompatible, or what a compatible upgrade adds
        bool valid() const { return errors.isEmpty(); }
        QJsonObject toJson() const;
    };

    explicit CaseTypeStore(Database &db)
        : m_db(db)
    { }

    Result<QList<Summary>> list();
    /// The names of the case types that have a signature field (a feature clients must declare:
    /// protocol.md, *Signature fields*).
    Result<QStringList> withSignatureFields();
    /// The stored document; nullopt when there is no such case type.
    Result<std::optional<QByteArray>> document(const QString &name);
    /// The document checked as PUT would (`name`: the path's; empty: whatever the document names),
    /// compared with the stored version. Changes nothing.
    Result<Check> check(const QString &name, const QByteArray &json);

    /// What needs no database: JSON, a case type, the name (as `name` when given, ≤ 100
    /// characters), a positive version.
    static Check validate(const QString &name, const QByteArray &json);

private:
    Database &m_db;
};

} // namespace outpost::server
