// SPDX-License-Identifier: MIT
#include "router.h"

namespace outpost::server {

PathPattern::PathPattern(const char *pattern)
{
    const QString text = QString::fromLatin1(pattern);
    for (const QString &segment : text.split(QLatin1Char('/'))) {
        const bool param = segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
        m_segments.append(segment);
        m_isParam.append(param);
    }
}

bool PathPattern::matches(const QStringList &segments, QStringList *params) const
{
    if (segments.size() != m_segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i)
        if (!m_isParam.at(i) && segments.at(i) != m_segments.at(i))
            return false;
    if (params) {
        for (qsizetype i = 0; i < segments.size(); ++i)
            if (m_isParam.at(i))
                params->append(segments.at(i));
    }
    return true;
}

Router::Router(std::initializer_list<Route> routes)
    : m_routes(routes)
{ }

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    Match m;
    bool knownPath = false;
    for (const Route &r : m_routes) {
        if (r.method == method && r.path.matches(segments, &m.params)) {
            m.route = &r;
            return m;
        }
        knownPath = knownPath || r.path.matches(segments);
    }
    if (!knownPath)
        return m;
    for (const Route &r : m_routes) {
        if (!r.path.matches(segments))
            continue;
        if (!m.allowed.isEmpty())
            m.allowed.append(", ");
        m.allowed.append(r.method);
    }
    return m;
}

QStringList Router::describe() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out.append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path.text());
    return out;
}

} // namespace outpost::server
