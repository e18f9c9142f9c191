// SPDX-License-Identifier: MIT
#include "flowactionbar.h"

#include "rules/caselabels.h"
#include "rules/rulesengine.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace outpost::ui {

FlowActionBar::FlowActionBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("flowActionBar"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
}

void FlowActionBar::setCaseType(const CaseType &type)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    m_type = localizedCaseType(type, userLanguage());
    for (const FlowAction &a : std::as_const(m_type.flowActions)) {
        auto *b = new QPushButton(a.label, this);
        b->setObjectName(QStringLiteral("flow_") + a.name);
        b->setAccessibleName(a.label);
        const QString name = a.name;
        connect(b, &QPushButton::clicked, this, [this, name] {
            if (isAllowed(name))
                Q_EMIT actionTriggered(name);
        });
        m_layout->addWidget(b);
        m_buttons.insert(a.name, b);
    }
    refresh();
}

void FlowActionBar::setCaseState(const QString &status, const QJsonObject &fields)
{
    m_status = status;
    m_fields = fields;
    refresh();
}

void FlowActionBar::setBlocked(bool blocked, const QString &why)
{
    m_blocked = blocked;
    m_blockedWhy = why;
    refresh();
}

QStringList FlowActionBar::actionNames() const
{
    QStringList out;
    for (const FlowAction &a : m_type.flowActions)
        out.append(a.name);
    return out;
}

QPushButton *FlowActionBar::button(const QString &action) const
{
    return m_buttons.value(action);
}

bool FlowActionBar::isAllowed(const QString &action) const
{
    return !m_blocked && RulesEngine::checkFlowAction(m_type, m_status, m_fields, action).ok();
}

void FlowActionBar::refresh()
{
    for (const FlowAction &a : std::as_const(m_type.flowActions)) {
        QPushButton *b = m_buttons.value(a.name);
        if (!b)
            continue;
        const Status st = RulesEngine::checkFlowAction(m_type, m_status, m_fields, a.name);
        QString why;
        if (m_blocked)
            why = m_blockedWhy.isEmpty() ? tr("Not available right now.") : m_blockedWhy;
        else if (!st.ok()) {
            why = st.error().message;
            for (const QString &m : st.error().fields)
                why += QLatin1Char('\n') + m;
        }
        b->setEnabled(why.isEmpty());
        const QString tip = why.isEmpty() ? tr("Moves the case to %1.").arg(a.to) : why;
        b->setToolTip(tip);
        b->setAccessibleDescription(tip);
    }
}

} // namespace outpost::ui
