// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonObject>
#include <QWidget>

class QHBoxLayout;
class QPushButton;

namespace outpost::ui {

/// One button per flow action of a case type. A button is enabled only when
/// RulesEngine::checkFlowAction allows the action for the case's status and fields; otherwise its
/// tooltip (and accessible description) says why.
class FlowActionBar : public QWidget
{
    Q_OBJECT
public:
    explicit FlowActionBar(QWidget *parent = nullptr);

    void setCaseType(const CaseType &type);
    /// Re-evaluates every button for a case in `status` holding `fields`.
    void setCaseState(const QString &status, const QJsonObject &fields);
    /// Disables every button (e.g. while the form has invalid input or is read-only).
    void setBlocked(bool blocked, const QString &why = {});

    QStringList actionNames() const;
    QPushButton *button(const QString &action) const;
    bool isAllowed(const QString &action) const;

Q_SIGNALS:
    void actionTriggered(const QString &action);

private:
    void refresh();

    CaseType m_type;
    QString m_status;
    QJsonObject m_fields;
    bool m_blocked = false;
    QString m_blockedWhy;
    QHBoxLayout *m_layout;
    QHash<QString, QPushButton *> m_buttons;
};

} // namespace outpost::ui
