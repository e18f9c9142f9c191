// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace outpost {

struct AttachmentRef {
    QString id;
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256;
    QJsonObject toJson() const;
};

/// A case as the protocol carries it (kind "case").
struct CaseRecord {
    QString id;
    QString caseType;
    int caseTypeVersion = 0;
    QString status;
    QString title;
    QString assignee; // empty: unassigned
    QString queue;    // empty: none
    QString createdAt;
    QString updatedAt;
    QString etag;
    QJsonObject fields;
    QList<AttachmentRef> attachments;

    bool isResolved() const;
    QJsonObject toJson() const;
    /// The same object as compact JSON text, written directly (no QJsonObject in between);
    /// `fieldsJson`, when given, is `fields` serialised already and goes in as it is.
    QByteArray toCompactJson(QByteArrayView fieldsJson = {}) const;
    static Result<CaseRecord> fromJson(const QJsonObject &obj, const QString &path = {});
};

/// An assignment (kind "assignment"): who or which queue is to work on a case.
struct Assignment {
    QString id;
    QString caseId;
    QString assignee;
    QString queue;
    QString instructions;
    QString dueAt;
    QJsonObject toJson() const;
    static Result<Assignment> fromJson(const QJsonObject &obj, const QString &path = {});
};

/// One row of a data page (kind "dataPage", id "<page>/<key>"). Extra columns stay in `data`.
struct DataPageRow {
    QString page;
    QString key;
    QString label;
    QJsonObject data; // the whole row as received, including page/key/label
    QString id() const { return page + QLatin1Char('/') + key; }
    QJsonObject toJson() const;
    static Result<DataPageRow> fromJson(const QJsonObject &obj, const QString &path = {});
};

} // namespace outpost
