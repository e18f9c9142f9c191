// SPDX-License-Identifier: MIT
#include "caseview.h"

#include "casedetailspane.h"
#include "caseformhost.h"
#include "conflictdialog.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "serverchangedbanner.h"

#include "rules/caselabels.h"

#include <QToolButton>

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace outpost::ui {

CaseView::CaseView(CaseFormHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_message(new QLabel(this))
    , m_due(new QLabel(this))
    , m_instructions(new QLabel(this))
    , m_conflictBar(new QWidget(this))
    , m_conflictText(new QLabel(m_conflictBar))
    , m_banner(new ServerChangedBanner(this))
    , m_scroll(new QScrollArea(this))
    , m_split(new QSplitter(Qt::Vertical, this))
    , m_details(new CaseDetailsPane(this))
    , m_flowBar(new FlowActionBar(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_actions(new QWidget(this))
{
    setObjectName(QStringLiteral("caseView"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_meta->setEnabled(false);
    m_message->setWordWrap(true);
    m_message->hide();
    m_due->setObjectName(QStringLiteral("caseDue"));
    m_due->hide();
    m_instructions->setObjectName(QStringLiteral("caseInstructions"));
    m_instructions->setWordWrap(true);
    m_instructions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instructions->setFrameShape(QFrame::StyledPanel);
    m_instructions->setMargin(6);
    m_instructions->hide();
    m_conflictBar->setObjectName(QStringLiteral("conflictBar"));
    m_conflictBar->setAutoFillBackground(true);
    {
        QPalette pal = m_conflictBar->palette();
        pal.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
        pal.setColor(QPalette::WindowText, QColor(0x5f, 0x16, 0x10));
        m_conflictBar->setPalette(pal);
        m_conflictText->setWordWrap(true);
        auto *resolve = new QPushButton(tr("Resolve…"), m_conflictBar);
        resolve->setObjectName(QStringLiteral("resolveConflict"));
        connect(resolve, &QPushButton::clicked, this,
            [this] { Q_EMIT conflictResolutionRequested(m_record.id); });
        auto *row = new QHBoxLayout(m_conflictBar);
        row->addWidget(m_conflictText, 1);
        row->addWidget(resolve);
        m_conflictBar->hide();
    }
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the changes; they are sent with the next sync (Ctrl+S)"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Drop your unsaved changes"));

    connect(m_save, &QPushButton::clicked, this, &CaseView::save);
    connect(m_revert, &QPushButton::clicked, this, &CaseView::revert);
    connect(m_flowBar, &FlowActionBar::actionTriggered, this, &CaseView::runAction);
    connect(m_banner, &ServerChangedBanner::reloadRequested, this, [this] {
        if (m_form)
            m_form->setCase(m_record.fields);
    });
    connect(m_banner, &ServerChangedBanner::reviewRequested, this, &CaseView::reviewServerChanges);

    m_actions->setObjectName(QStringLiteral("caseActions"));
    auto *buttons = new QHBoxLayout(m_actions);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_save);
    buttons->addWidget(m_revert);
    buttons->addSpacing(24);
    buttons->addWidget(m_flowBar, 1);
    // The form with its buttons above, the details below; the technician drags the divider.
    auto *formPart = new QWidget(this);
    m_formLayout = new QVBoxLayout(formPart);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->addWidget(m_scroll, 1);
    m_formLayout->addWidget(m_actions);
    m_split->setObjectName(QStringLiteral("caseSplitter"));
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(formPart);
    m_split->addWidget(m_details);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 1);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 9);
    m_details->hide();
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_title);
    lay->addWidget(m_meta);
    lay->addWidget(m_due);
    lay->addWidget(m_instructions);
    lay->addWidget(m_conflictBar);
    lay->addWidget(m_banner);
    lay->addWidget(m_message);
    lay->addWidget(m_split, 1);
    updateButtons();
}

void CaseView::setActionsAtBottom(bool bottom)
{
    auto *lay = static_cast<QVBoxLayout *>(layout());
    if (bottom == (lay->indexOf(m_actions) >= 0))
        return;
    (bottom ? m_formLayout : lay)->removeWidget(m_actions);
    (bottom ? lay : m_formLayout)->addWidget(m_actions);
}

void CaseView::setDetailsHost(CaseDetailsHost *details)
{
    m_details->setHost(details);
    showDetails();
}

void CaseView::showDetails()
{
    const bool has = m_details->host() && m_form && !isNewCase();
    const bool appears = has && m_details->isHidden();
    m_details->setVisible(has);
    if (appears) { // a splitter gives a child shown later no room of its own: 2 : 1
        const QList<int> sizes = m_split->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (total > 0 && sizes.value(1) < m_details->minimumHeight())
            m_split->setSizes({ total * 2 / 3, total / 3 });
    }
    if (has)
        m_details->setCase(m_record.id, m_type, m_host->lookupSource(), m_localOnly);
}

bool CaseView::openCase(const QString &caseId)
{
    const Result<CaseRecord> rec = m_host->caseRecord(caseId);
    if (!rec) {
        showMessage(tr("This case cannot be opened: %1").arg(rec.error().message), true);
        return false;
    }
    const Result<CaseType> type = m_host->caseType(rec->caseType);
    if (!type) {
        showMessage(tr("The case type %1 is not available yet; sync first.").arg(rec->caseType), true);
        return false;
    }
    m_record = *rec;
    m_type = *type;
    m_localOnly = m_record.id.startsWith(QLatin1String("tmp-"));
    m_lastAction.clear();
    m_gone = false;
    showForm(m_record.fields, RulesEngine::Mode::Update);
    showDetails();
    refreshMarks();
    return true;
}

bool CaseView::newCase(const QString &caseType)
{
    const Result<CaseType> type = m_host->caseType(caseType);
    if (!type) {
        showMessage(type.error().message, true);
        return false;
    }
    m_type = *type;
    m_record = CaseRecord {};
    m_record.caseType = m_type.name;
    m_record.status = m_type.initialStatus();
    m_record.title = tr("New %1").arg(m_type.titleText(userLanguage()));
    m_lastAction.clear();
    m_gone = false;
    showForm({}, RulesEngine::Mode::Create);
    showDetails();
    return true;
}

void CaseView::showForm(const QJsonObject &fields, RulesEngine::Mode mode)
{
    m_banner->hide();
    m_message->hide();
    delete m_form;
    m_form = new CaseForm(m_type, m_host->lookupSource());
    m_form->setMode(mode);
    m_form->setAttachmentLoader(
        [this](const QString &sha256) { return m_host->attachmentBytes(m_record.id, sha256); });
    m_form->setCase(fields);
    m_scroll->setWidget(m_form);
    m_flowBar->setCaseType(m_type);
    connect(m_form, &CaseForm::fieldsEdited, this, &CaseView::updateButtons);
    connect(m_form, &CaseForm::dirtyChanged, this, &CaseView::updateButtons);
    connect(m_form, &CaseForm::validityChanged, this, &CaseView::updateButtons);
    updateHeader();
    updateButtons();
    // Tab order: banner, the fields in order, Save, Revert, then the flow actions.
    QList<QWidget *> order { m_banner->reviewButton(), m_banner->reloadButton(), m_banner->dismissButton() };
    for (const FieldDef &f : std::as_const(m_type.fields))
        if (FieldEditor *e = m_form->fieldEditor(f.name))
            order << e->editor() << e->extraFocusWidgets();
    order << m_save << m_revert;
    for (const QString &a : m_flowBar->actionNames())
        order << m_flowBar->button(a);
    order << m_details->focusWidgets();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    if (QWidget *first = m_form->editorWidget(m_type.fields.value(0).name))
        first->setFocus();
}

QString CaseView::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void CaseView::onCasesChanged(const QStringList &caseIds)
{
    if (!m_form)
        return;
    const bool named = caseIds.contains(m_record.id);
    // A case created here is announced by its new server id once the server took it; the host
    // still finds it by the temporary id, and the screen takes the new one.
    if (!named && !m_localOnly)
        return;
    const Result<CaseRecord> rec = m_host->caseRecord(m_record.id);
    if (!named && !(rec && rec->id != m_record.id && caseIds.contains(rec->id)))
        return;
    if (!rec) {
        caseLeft();
        return;
    }
    const QJsonObject oldBase = m_form->baseFields();
    m_record = *rec;
    const bool wasLocalOnly = m_localOnly;
    m_localOnly = m_record.id.startsWith(QLatin1String("tmp-"));
    if (wasLocalOnly != m_localOnly)
        showDetails();
    else
        m_details->onCasesChanged(caseIds);
    if (!m_form->isDirty()) {
        m_form->setCase(m_record.fields); // nothing typed: reload in place
        m_banner->hide();
    } else {
        const ReloadOutcome out = m_form->reloadPreservingEdits(m_record.fields);
        m_clashBase = oldBase;
        m_clashing = out.clashing;
        QStringList labels;
        for (const QString &f : out.kept)
            labels << m_type.fieldLabel(f, userLanguage());
        m_banner->showFor(labels);
        m_banner->reviewButton()->setEnabled(!out.clashing.isEmpty());
    }
    updateHeader();
    updateButtons();
    refreshMarks();
}

void CaseView::caseLeft()
{
    // The store keeps a case that still has work queued for it, so a case that is gone has none:
    // whatever was done here reached the server.
    m_gone = true;
    m_conflictBar->hide();
    if (m_form->isDirty()) {
        showMessage(tr("This case was closed or reassigned on the server, so your unsaved changes "
                       "cannot be saved to it. Copy what you need before you open another case."),
            true);
    } else if (!m_lastAction.isEmpty()) {
        showMessage(tr("%1: done and sent. The case has left your worklist.").arg(m_lastAction), false);
    } else {
        m_messageOk = false;
        m_message->setStyleSheet(QString());
        m_message->setText(
            tr("This case was closed or reassigned on the server and has left your worklist."));
        m_message->show();
    }
    m_form->setReadOnly(true);
    m_form->setFieldMarks({});
    m_banner->hide();
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    m_flowBar->hide();
    Q_EMIT caseGone(m_record.id);
}

void CaseView::refreshMarks()
{
    if (!m_form || m_gone)
        return;
    const QHash<QString, FieldSyncMark> marks
        = isNewCase() ? QHash<QString, FieldSyncMark>() : m_host->fieldMarks(m_record.id);
    m_form->setFieldMarks(marks);
    QStringList clashing;
    for (const FieldDef &f : std::as_const(m_type.fields))
        if (const auto it = marks.constFind(f.name);
            it != marks.constEnd() && it->state == FieldSyncMark::Conflict)
            clashing << f.label;
    if (!clashing.isEmpty()) {
        m_conflictText->setText(tr("Your change and the server's differ for: %1. Nothing of it is sent until "
                                   "you decide.")
                                    .arg(clashing.join(QStringLiteral(", "))));
        if (m_messageOk)
            m_message->hide(); // "Saved… sent with the next sync" is no longer the whole story
    }
    m_conflictBar->setVisible(!clashing.isEmpty());
    if (!clashing.isEmpty()) {
        m_sentNotice = false;
    } else if (m_sentNotice && marks.isEmpty()) { // "sent with the next sync" came true
        showMessage(tr("Saved and sent."), false);
    }
}

bool CaseView::save()
{
    if (!m_form || (!m_form->isDirty() && !isNewCase()))
        return true;
    if (!m_form->isValid()) {
        m_form->showAllErrors();
        showMessage(tr("Please correct the marked fields first. Nothing was saved."), true);
        return false;
    }
    if (isNewCase()) {
        const Result<QString> id = m_host->createCase(m_type.name, m_form->changedFields());
        if (!id) {
            m_form->setExternalErrors(id.error().fields);
            showMessage(id.error().code == QLatin1String(DiskFullCode)
                    ? id.error().message // says itself what happened and what to do
                    : tr("Not created: %1").arg(id.error().message),
                true);
            return false;
        }
        openCase(*id);
        showMessage(tr("Created. The new case is sent with the next sync."), false);
        Q_EMIT caseCreated(*id);
        return true;
    }
    const Status st
        = m_host->saveFields(m_record.id, m_record.etag, m_form->changedFields(), m_form->newFiles());
    if (!st) {
        m_form->setExternalErrors(st.error().fields);
        showMessage(st.error().code == QLatin1String(DiskFullCode)
                ? st.error().message // says itself what happened and what to do
                : tr("Not saved: %1").arg(st.error().message),
            true);
        return false;
    }
    m_form->markSaved();
    m_record.fields = m_form->baseFields();
    showMessage(tr("Saved. The change is sent with the next sync."), false);
    m_sentNotice = true;
    updateButtons();
    refreshMarks();
    Q_EMIT saved(m_record.id);
    return true;
}

void CaseView::revert()
{
    if (m_form)
        m_form->setCase(m_form->baseFields());
    m_banner->hide();
}

void CaseView::runAction(const QString &action)
{
    if (!m_form)
        return;
    const Status st = m_host->runFlowAction(
        m_record.id, m_record.etag, action, m_form->changedFields(), m_form->newFiles());
    if (!st) {
        m_form->setExternalErrors(st.error().fields);
        showMessage(st.error().message, true);
        return;
    }
    const FlowAction *a = m_type.flowAction(action);
    if (a)
        m_record.status = a->to;
    m_lastAction = m_type.actionLabel(action, userLanguage());
    m_form->markSaved();
    m_record.fields = m_form->baseFields();
    showMessage(tr("Done: %1. It is sent with the next sync.").arg(m_lastAction), false);
    updateHeader();
    updateButtons();
    refreshMarks();
    Q_EMIT caseTransitioned(m_record.id, action);
}

void CaseView::reviewServerChanges()
{
    if (!m_form || m_clashing.isEmpty())
        return;
    const auto entries
        = ConflictDialog::entriesFrom(m_clashing, m_clashBase, m_form->currentFields(), m_record.fields);
    auto *dlg = new ConflictDialog(m_type, m_record.id, entries, m_host->lookupSource(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const auto chosen = dlg->resolvedValues();
        for (auto it = chosen.begin(); it != chosen.end(); ++it)
            if (FieldEditor *e = m_form->fieldEditor(it.key()))
                e->setValue(it.value());
        m_form->reloadPreservingEdits(m_record.fields); // re-evaluates dirty state and messages
        m_clashing.clear();
        updateButtons();
    });
    dlg->open();
}

void CaseView::showMessage(const QString &text, bool error)
{
    m_sentNotice = false;
    m_messageOk = !error;
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #2e7d32;"));
    m_message->setText(text);
    m_message->show();
}

void CaseView::updateHeader()
{
    m_title->setText(m_record.title.isEmpty() ? m_record.id : m_record.title);
    QStringList meta { m_record.id.isEmpty() ? tr("not yet saved") : m_record.id,
        m_type.titleText(userLanguage()),
        tr("Status: %1").arg(m_type.statusLabel(m_record.status, userLanguage())) };
    if (!m_record.queue.isEmpty())
        meta << tr("Queue: %1").arg(m_record.queue);
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    // What the dispatcher asked for, above the form: when, and what to do.
    const std::optional<Assignment> a
        = m_record.id.isEmpty() ? std::nullopt : m_host->assignment(m_record.id);
    m_due->setVisible(a && !a->dueAt.isEmpty());
    if (a && !a->dueAt.isEmpty()) {
        QDateTime when = QDateTime::fromString(a->dueAt, Qt::ISODateWithMs);
        if (!when.isValid())
            when = QDateTime::fromString(a->dueAt, Qt::ISODate);
        const QDate day
            = when.isValid() ? when.toLocalTime().date() : QDate::fromString(a->dueAt, Qt::ISODate);
        const QDate today = QDate::currentDate();
        const bool hasTime = when.isValid() && a->dueAt.size() > 10;
        // "Monday, 28 December 2026 17:00": the day in words, the time without seconds.
        QString text = day.isValid() ? QLocale().toString(day, QLocale::LongFormat) : a->dueAt;
        if (day.isValid() && hasTime)
            text += QLatin1Char(' ')
                + QLocale().toString(when.toLocalTime().time(),
                    QLocale().timeFormat(QLocale::ShortFormat).remove(QLatin1String(":ss")));
        const bool open = !isResolvedStatus(m_record.status);
        if (day.isValid() && open && day < today) {
            m_due->setText(tr("Due %1: overdue").arg(text));
            m_due->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
        } else if (day.isValid() && open && day == today) {
            m_due->setText(tr("Due today: %1").arg(text));
            m_due->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
        } else {
            m_due->setText(tr("Due %1").arg(text));
            m_due->setStyleSheet(QString());
        }
    }
    m_instructions->setVisible(a && !a->instructions.trimmed().isEmpty());
    if (a)
        m_instructions->setText(a->instructions.trimmed());
}

void CaseView::updateButtons()
{
    const bool dirty = hasUnsavedEdits();
    m_save->setEnabled(dirty || isNewCase());
    m_revert->setEnabled(dirty);
    m_flowBar->setVisible(!isNewCase());
    if (m_form) {
        m_flowBar->setBlocked(!m_form->isValid(), tr("Correct the marked fields first."));
        m_flowBar->setCaseState(m_record.status, m_form->currentFields());
    }
}

void CaseView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const Qt::Orientation o = event->size().width() >= em * 100 ? Qt::Horizontal : Qt::Vertical;
    if (o == m_split->orientation())
        return;
    m_split->setOrientation(o);
    const QList<int> sizes = m_split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total > 0)
        m_split->setSizes({ total * 2 / 3, total / 3 }); // the form keeps the larger part
}

} // namespace outpost::ui
