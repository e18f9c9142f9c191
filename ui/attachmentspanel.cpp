// SPDX-License-Identifier: MIT
#include "attachmentspanel.h"
#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>

#include "attachfiledialog.h"
#include "attachmentsmodel.h"
#include "attachmentviewer.h"
#include "fileaccess.h"
#include "filekind.h"
#include "uilogging.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace outpost::ui {

AttachmentsPanel::AttachmentsPanel(QWidget *parent)
    : QWidget(parent)
    , m_opener([](const QString &path) { return QDesktopServices::openUrl(QUrl::fromLocalFile(path)); })
    , m_model(new AttachmentsModel(this))
    , m_list(new QListView(this))
    , m_add(new QPushButton(tr("Add…"), this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("attachmentsPanel"));
    m_list->setObjectName(QStringLiteral("attachmentsList"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setModel(m_model);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_add->setObjectName(QStringLiteral("addAttachmentButton"));
    m_add->setToolTip(tr("Attach files; they are uploaded with the next sync"));
    m_open->setObjectName(QStringLiteral("openAttachmentButton"));
    m_open->setToolTip(tr("Open the selected attachment (Enter)"));
    m_progress->setObjectName(QStringLiteral("attachmentProgress"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->hide();
    m_message->setWordWrap(true);
    m_message->hide();

    connect(m_add, &QPushButton::clicked, this, &AttachmentsPanel::chooseFiles);
    connect(m_open, &QPushButton::clicked, this, &AttachmentsPanel::openCurrent);
    connect(m_list, &QAbstractItemView::activated, this, &AttachmentsPanel::openCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &AttachmentsPanel::updateButtons);
    const auto count = [this] {
        Q_EMIT countChanged(m_model->rowCount());
        updateButtons();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, count);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, count);
    connect(m_model, &QAbstractItemModel::modelReset, this, count);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_open);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch(); // the buttons keep their size while no download runs
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_list, 1);
    lay->addWidget(m_message);
    lay->addLayout(buttons);
    updateButtons();
}

void AttachmentsPanel::setHost(CaseDetailsHost *host)
{
    if (m_host)
        m_host->disconnect(this);
    m_host = host;
    if (!host)
        return;
    connect(host, &CaseDetailsHost::attachmentAdded, this, [this](const QString &caseId, const QString &) {
        if (caseId != m_caseId)
            return;
        m_adding = qMax(0, m_adding - 1);
        refresh();
        if (m_adding == 0)
            showMessage(tr("Attached. The file is uploaded with the next sync."), false);
    });
    connect(host, &CaseDetailsHost::attachmentFailed, this,
        [this](const QString &caseId, const QString &attachmentId, const QString &message) {
            if (caseId != m_caseId)
                return;
            if (attachmentId.isEmpty()) {
                m_adding = qMax(0, m_adding - 1);
                showMessage(tr("Not attached: %1").arg(message), true);
            } else if (attachmentId == m_opening) {
                m_opening.clear();
                m_progress->hide();
                showMessage(tr("Cannot open the attachment: %1").arg(message), true);
            }
            updateButtons();
        });
    connect(host, &CaseDetailsHost::attachmentProgress, this,
        [this](const QString &attachmentId, qint64 received, qint64 total) {
            if (attachmentId != m_opening)
                return;
            m_progress->setRange(0, total > 0 ? 1000 : 0);
            if (total > 0)
                m_progress->setValue(int(received * 1000 / total));
            m_progress->show();
        });
    connect(host, &CaseDetailsHost::attachmentReady, this,
        [this](const QString &caseId, const QString &attachmentId, const QString &name,
            const QByteArray &content) {
            if (caseId != m_caseId || attachmentId != m_opening)
                return;
            m_opening.clear();
            m_progress->hide();
            updateButtons();
            showFile(attachmentId, name, content);
        });
}

void AttachmentsPanel::setCase(const QString &caseId)
{
    if (caseId != m_caseId) {
        m_message->hide();
        m_progress->hide();
        m_opening.clear();
        m_adding = 0;
    }
    m_caseId = caseId;
    refresh();
}

void AttachmentsPanel::refresh()
{
    m_model->setAttachments(
        m_host && !m_caseId.isEmpty() ? m_host->attachments(m_caseId) : QList<CaseAttachment>());
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
}

void AttachmentsPanel::chooseFiles()
{
    if (m_access && m_access->browsingNeedsPin() && m_access->adminGate()) {
        m_access->adminGate()(AdminAction::BrowseFiles, [self = QPointer<AttachmentsPanel>(this)] {
            if (self)
                self->openFileDialog();
        });
        return;
    }
    if (m_access && m_access->browsingNeedsPin())
        return; // kiosk without a PIN gate: no browsing at all
    openFileDialog();
}

void AttachmentsPanel::openFileDialog()
{
    QFileDialog *dlg = nullptr;
    if (m_access) {
        dlg = new AttachFileDialog(*m_access, this);
    } else {
        dlg = new QFileDialog(this, tr("Attach files"));
        dlg->setObjectName(QStringLiteral("attachFileDialog"));
        dlg->setFileMode(QFileDialog::ExistingFiles);
        dlg->setAcceptMode(QFileDialog::AcceptOpen);
        const QStringList pictures = QStandardPaths::standardLocations(QStandardPaths::PicturesLocation);
        if (!pictures.isEmpty())
            dlg->setDirectory(pictures.first());
    }
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::filesSelected, this, &AttachmentsPanel::addFiles);
    dlg->open();
}

void AttachmentsPanel::addFiles(const QStringList &paths)
{
    if (!m_host || m_caseId.isEmpty())
        return;
    QStringList refused;
    int added = 0;
    for (const QString &p : paths) {
        const QString why = m_access ? m_access->whyRefused(p) : QString();
        if (!why.isEmpty()) {
            qCWarning(lcUi) << "attachment refused:" << p << why;
            refused << why;
            continue;
        }
        ++m_adding;
        ++added;
        m_host->addAttachment(m_caseId, p);
    }
    if (!refused.isEmpty())
        showMessage(tr("Not attached: %1").arg(refused.join(QLatin1Char(' '))), true);
    else if (added > 0)
        showMessage(tr("Copying %n file(s)…", nullptr, added), false);
    updateButtons();
}

void AttachmentsPanel::openCurrent()
{
    const QModelIndex i = m_list->currentIndex();
    if (i.isValid())
        openAttachment(i.data(AttachmentsModel::KeyRole).toString());
}

void AttachmentsPanel::openAttachment(const QString &attachmentId)
{
    if (!m_host || attachmentId.isEmpty() || !m_opening.isEmpty())
        return;
    const int row = m_model->rowOfKey(attachmentId);
    if (row < 0)
        return;
    const CaseAttachment a = m_model->itemAt(row).value.value<CaseAttachment>();
    m_opening = attachmentId;
    if (a.state == CaseAttachment::State::OnServer) {
        m_progress->setRange(0, 0);
        m_progress->show();
        showMessage(tr("Downloading %1…").arg(a.name), false);
    }
    updateButtons();
    m_host->fetchAttachment(m_caseId, attachmentId);
}

void AttachmentsPanel::showFile(const QString &attachmentId, const QString &name, const QByteArray &content)
{
    const FileKind kind = classifyContent(name, content);
    if (kind == FileKind::Program) {
        qCWarning(lcUi) << "attachment not opened, it is a program or script:" << name;
        showMessage(
            tr("%1 is a program or script; such attachments are never opened on this device.").arg(name),
            true);
        return;
    }
    if (kind == FileKind::Image || kind == FileKind::Pdf) {
        auto *viewer = new AttachmentViewer(window());
        if (!viewer->load(name, content, kind)) {
            showMessage(viewer->errorText(), true);
            delete viewer;
            return;
        }
        if (m_access && m_access->isKiosk())
            viewer->resize(window()->size() * 0.95); // no window manager to maximise it
        m_viewer = viewer;
        m_message->hide();
        viewer->open();
        Q_EMIT opened(attachmentId, name);
        return;
    }
    if (m_access && m_access->isKiosk()) {
        qCInfo(lcUi) << "kiosk: attachment not handed to another application:" << name;
        showMessage(tr("%1 cannot be shown on this tablet; pictures and PDF files can.").arg(name), true);
        return;
    }
    // Another application needs a file: a plain copy in the user's runtime folder (in memory on
    // Linux), removed when the app next starts (docs/security.md).
    const QString path = openableCopy(attachmentId, name, content);
    if (path.isEmpty() || !m_opener || !m_opener(path)) {
        showMessage(tr("No application on this device opens %1.").arg(name), true);
        return;
    }
    m_message->hide();
    Q_EMIT opened(attachmentId, path);
}

QString AttachmentsPanel::openedCopiesDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    return QDir(base).filePath(QStringLiteral("outpost-opened"));
}

QString AttachmentsPanel::openableCopy(
    const QString &attachmentId, const QString &name, const QByteArray &content)
{
    static const QRegularExpression safeId(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    if (!safeId.match(attachmentId).hasMatch() || name.isEmpty() || name.contains(QLatin1Char('/'))
        || name.contains(QLatin1Char('\\')) || name == QLatin1String("..") || name == QLatin1String("."))
        return {};
    const QString dir = QDir(openedCopiesDir()).filePath(attachmentId);
    if (!QDir().mkpath(dir))
        return {};
    for (const QString &d : { openedCopiesDir(), dir }) // for the user only
        QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString path = QDir(dir).filePath(name);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (out.write(content) != content.size() || !out.commit())
        return {};
    return path;
}

AttachmentViewer *AttachmentsPanel::viewer() const
{
    return m_viewer;
}

QString AttachmentsPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QList<QWidget *> AttachmentsPanel::focusWidgets() const
{
    return { m_list, m_add, m_open };
}

void AttachmentsPanel::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_message->setText(text);
    m_message->show();
}

void AttachmentsPanel::updateButtons()
{
    const bool can = m_host && !m_caseId.isEmpty();
    m_add->setEnabled(can);
    m_open->setEnabled(can && m_list->currentIndex().isValid() && m_opening.isEmpty());
}

} // namespace outpost::ui
