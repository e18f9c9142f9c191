// SPDX-License-Identifier: MIT
#include "lookupsource.h"

namespace outpost::ui {

void StaticLookupSource::addRow(const QString &page, const QString &key, const QString &label)
{
    QList<LookupEntry> &rows = m_pages[page];
    for (LookupEntry &e : rows) {
        if (e.key == key) {
            e.label = label;
            return;
        }
    }
    rows.append({ key, label });
}

QList<LookupEntry> StaticLookupSource::search(const QString &page, const QString &text, int limit) const
{
    const QList<LookupEntry> rows = m_pages.value(page);
    QList<LookupEntry> first;
    QList<LookupEntry> rest;
    const QString t = text.trimmed();
    for (const LookupEntry &e : rows) {
        if (t.isEmpty() || e.key.startsWith(t, Qt::CaseInsensitive))
            first.append(e);
        else if (e.key.contains(t, Qt::CaseInsensitive) || e.label.contains(t, Qt::CaseInsensitive))
            rest.append(e);
    }
    first.append(rest);
    if (limit >= 0 && first.size() > limit)
        first.resize(limit);
    return first;
}

bool StaticLookupSource::contains(const QString &page, const QString &key) const
{
    for (const LookupEntry &e : m_pages.value(page))
        if (e.key == key)
            return true;
    return false;
}

QString StaticLookupSource::label(const QString &page, const QString &key) const
{
    for (const LookupEntry &e : m_pages.value(page))
        if (e.key == key)
            return e.label;
    return {};
}

LookupLabel lookupLabels(const LookupSource *source)
{
    if (!source)
        return {};
    return [source](const QString &page, const QString &key) { return source->label(page, key); };
}

} // namespace outpost::ui
