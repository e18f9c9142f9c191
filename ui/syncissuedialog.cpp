// SPDX-License-Identifier: MIT
#include "syncissuedialog.h"

#include "caseform.h"

#include "rules/caselabels.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace outpost::ui {

SyncIssueDialog::SyncIssueDialog(const RefusedChange &change, const LookupSource *lookup, QWidget *parent)
    : QDialog(parent)
    , m_change(change)
    , m_form(new CaseForm(change.type, lookup, this))
    , m_message(new QLabel(this))
    , m_retry(nullptr)
{
    setObjectName(QStringLiteral("syncIssueDialog"));
    setWindowTitle(tr("Edit and retry: %1").arg(change.caseLabel));

    QString intro;
    if (!change.flowAction.isEmpty()) {
        intro = tr("The server refused “%1”. Fill in what it needs, then retry; the change goes back to "
                   "its place in the outbox.")
                    .arg(change.type.actionLabel(change.flowAction, userLanguage()));
    } else {
        intro = tr("The server refused this change. Correct the highlighted fields, then retry; the "
                   "change goes back to its place in the outbox.");
    }
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    auto *what = new QLabel(change.description, this);
    what->setObjectName(QStringLiteral("refusedChange"));
    what->setAccessibleName(tr("Refused change"));
    what->setWordWrap(true);
    what->setEnabled(false);
    m_message->setObjectName(QStringLiteral("syncIssueMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setAccessibleName(tr("Server message"));
    m_message->setText(change.serverMessage);
    m_message->setVisible(!change.serverMessage.isEmpty());

    m_form->setMode(change.isCreate ? RulesEngine::Mode::Create : RulesEngine::Mode::Update);
    m_form->setCase(change.serverFields);
    m_form->setEdits(change.fields);
    if (!change.flowAction.isEmpty())
        m_form->setTransition(change.fromStatus, change.flowAction);
    m_form->setExternalErrors(change.serverFieldMessages);
    m_form->showAllErrors();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);

    auto *buttons = new QDialogButtonBox(this);
    m_retry = buttons->addButton(tr("Retry"), QDialogButtonBox::AcceptRole);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_form->isValid())
            Q_EMIT retryRequested(correctedFields(), correctedFiles());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &CaseForm::validityChanged, this, &SyncIssueDialog::updateState);
    connect(m_form, &CaseForm::fieldsEdited, this, &SyncIssueDialog::updateState);

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(introLabel);
    lay->addWidget(what);
    lay->addWidget(m_message);
    lay->addWidget(scroll, 1);
    lay->addWidget(buttons);
    resize(640, 600);
    updateState();

    // Keyboard: start at the first field the server or the rules complain about.
    const QMap<QString, QString> errors = m_form->errors();
    for (const FieldDef &f : change.type.fields) {
        if (change.serverFieldMessages.contains(f.name) || errors.contains(f.name)) {
            if (QWidget *w = m_form->editorWidget(f.name)) {
                w->setFocus();
                break;
            }
        }
    }
}

QString SyncIssueDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QJsonObject SyncIssueDialog::correctedFields() const
{
    const QJsonObject now = m_form->currentFields();
    QStringList names = m_change.fields.keys();
    names += m_form->changedFields().keys();
    QJsonObject out;
    for (const QString &name : std::as_const(names)) {
        const QJsonValue v = now.value(name);
        out.insert(name, v.isUndefined() ? QJsonValue(QJsonValue::Null) : v);
    }
    return out;
}

QList<FormFile> SyncIssueDialog::correctedFiles() const
{
    return m_form->newFiles(); // of changed fields only, which correctedFields() all carry
}

void SyncIssueDialog::setAttachmentLoader(const std::function<QByteArray(const QString &sha256)> &loader)
{
    m_form->setAttachmentLoader(loader);
}

void SyncIssueDialog::showError(const QString &message, const QMap<QString, QString> &fieldMessages)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    if (!fieldMessages.isEmpty())
        m_form->setExternalErrors(fieldMessages);
    updateState();
}

void SyncIssueDialog::updateState()
{
    const bool ok = m_form->isValid();
    m_retry->setEnabled(ok);
    const QString why = m_form->transitionError();
    m_retry->setToolTip(ok ? QString() : why.isEmpty() ? tr("Correct the highlighted fields first.") : why);
    if (!why.isEmpty()) {
        m_message->setText(why);
        m_message->setVisible(true);
    }
}

} // namespace outpost::ui
