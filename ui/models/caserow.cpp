// SPDX-License-Identifier: MIT
#include "caserow.h"

#include <QJsonValue>

namespace outpost::ui {

CaseRow caseRowFrom(const client::LocalCase &c, const QHash<QString, QString> &typeTitles)
{
    CaseRow r;
    const CaseRecord &rec = c.record;
    r.id = rec.id;
    r.caseType = rec.caseType;
    r.typeTitle = typeTitles.value(rec.caseType, rec.caseType);
    r.status = rec.status;
    r.queue = rec.queue;
    r.assignee = rec.assignee;
    r.title = rec.title;
    r.updatedAt = QDateTime::fromString(rec.updatedAt, Qt::ISODateWithMs);
    r.pending = c.pendingCount;
    r.conflict = c.hasConflict;
    r.issue = c.hasIssue;
    r.resolved = rec.isResolved();
    QStringList words;
    for (auto it = rec.fields.begin(); it != rec.fields.end(); ++it) {
        if (it->isString())
            words << it->toString();
        else if (it->isDouble())
            words << QString::number(it->toDouble());
    }
    r.searchText = words.join(QLatin1Char(' '));
    return r;
}

QHash<QString, QString> caseTypeTitles(const client::LocalStore &store)
{
    QHash<QString, QString> titles;
    for (const CaseType &t : store.caseTypes())
        titles.insert(t.name, t.title.isEmpty() ? t.name : t.title);
    return titles;
}

client::CaseFilter worklistFilter()
{
    client::CaseFilter f;
    f.limit = 1000000;
    return f;
}

CaseRowsLoad loadCaseRows(const QString &storePath, bool verify)
{
    client::LocalStore::Options o;
    o.verify = verify;
    auto store = client::LocalStore::open(storePath, o);
    if (!store)
        return { {}, store.error() };
    const QHash<QString, QString> titles = caseTypeTitles(**store);
    const QList<client::LocalCase> cases = (*store)->cases(worklistFilter());
    QList<CaseRow> rows;
    rows.reserve(cases.size());
    for (const client::LocalCase &c : cases)
        rows.append(caseRowFrom(c, titles));
    return { rows, {} };
}

} // namespace outpost::ui
