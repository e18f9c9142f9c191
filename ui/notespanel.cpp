// SPDX-License-Identifier: MIT
#include "notespanel.h"

#include "notesmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace outpost::ui {

NotesPanel::NotesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new NotesModel(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_editor(new QPlainTextEdit(this))
    , m_add(new QPushButton(tr("Add note"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("notesPanel"));
    m_status->setWordWrap(true);
    m_status->setEnabled(false);
    m_status->hide();
    m_list->setObjectName(QStringLiteral("notesList"));
    m_list->setAccessibleName(tr("Notes"));
    m_list->setModel(m_model);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_editor->setAccessibleName(tr("New note"));
    m_editor->setPlaceholderText(tr("Write a note…"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 5);
    m_add->setObjectName(QStringLiteral("addNoteButton"));
    // Ctrl+Enter in the editor adds the note (Enter alone starts a new line).
    for (const QKeySequence &keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *shortcut = new QShortcut(keys, m_editor, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_add->isEnabled())
                addNote();
        });
    }
    m_add->setToolTip(tr("Queue the note; it is sent with the next sync (Ctrl+Enter)"));
    m_message->setWordWrap(true);
    m_message->hide();

    connect(m_add, &QPushButton::clicked, this, &NotesPanel::addNote);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this] { Q_EMIT countChanged(m_model->rowCount()); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
        [this] { Q_EMIT countChanged(m_model->rowCount()); });
    connect(
        m_model, &QAbstractItemModel::modelReset, this, [this] { Q_EMIT countChanged(m_model->rowCount()); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addWidget(m_add, 0, Qt::AlignBottom);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_status);
    lay->addWidget(m_list, 1);
    lay->addWidget(m_message);
    lay->addLayout(row);
    updateButtons();
}

void NotesPanel::setCase(const QString &caseId)
{
    if (caseId != m_caseId) {
        m_editor->clear();
        m_message->hide();
    }
    m_caseId = caseId;
    m_serverNotes.clear();
    m_serverKnown = false;
    m_serverFailed = false;
    refresh();
}

void NotesPanel::setServerNotes(const QList<CaseNote> &notes, bool known)
{
    if (known) {
        m_serverNotes = notes;
        m_serverKnown = true;
    }
    m_serverFailed = !known; // an offline refresh keeps the notes fetched before
    refresh();
}

void NotesPanel::refresh()
{
    const QList<CaseNote> local
        = m_host && !m_caseId.isEmpty() ? m_host->localNotes(m_caseId) : QList<CaseNote>();
    // A queued note the server has meanwhile is shown once (the server's copy); the host drops
    // the queued one when the upload is applied.
    m_model->setNotes(m_serverNotes, local);
    if (!m_serverKnown && m_serverFailed && !m_caseId.isEmpty()) {
        m_status->setText(tr("Notes already on the server are shown once it can be reached."));
        m_status->show();
    } else if (!m_serverKnown) {
        m_status->hide(); // the server's notes are on their way
    } else {
        m_status->setText(m_model->rowCount() == 0 ? tr("No notes yet.") : QString());
        m_status->setVisible(m_model->rowCount() == 0);
    }
    updateButtons();
    Q_EMIT countChanged(m_model->rowCount());
}

bool NotesPanel::addNote()
{
    if (!m_host || m_caseId.isEmpty())
        return false;
    const QString text = m_editor->toPlainText();
    const Status st = m_host->addNote(m_caseId, text);
    if (!st) {
        const QString field = st.error().fields.value(QStringLiteral("text"));
        // A full disk says itself what happened and what to do.
        showMessage(st.error().code == QLatin1String(DiskFullCode)
                ? st.error().message
                : tr("Not added: %1").arg(field.isEmpty() ? st.error().message : field),
            true);
        return false;
    }
    m_editor->clear();
    refresh();
    m_list->scrollToBottom();
    showMessage(tr("Note added. It is sent with the next sync."), false);
    return true;
}

QString NotesPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString NotesPanel::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

QList<QWidget *> NotesPanel::focusWidgets() const
{
    return { m_list, m_editor, m_add };
}

void NotesPanel::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #2e7d32;"));
    m_message->setText(text);
    m_message->show();
}

void NotesPanel::updateButtons()
{
    const bool can = m_host && !m_caseId.isEmpty();
    m_editor->setEnabled(can);
    m_add->setEnabled(can && !m_editor->toPlainText().trimmed().isEmpty());
}

} // namespace outpost::ui
