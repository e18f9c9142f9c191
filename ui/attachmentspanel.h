// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace outpost::ui {

class AttachmentsModel;

/// The attachments of the open case: name, size, pending upload or on the server. "Add…" picks
/// files (copied beside the store off the GUI thread, uploaded with the next sync); "Open" opens a
/// local copy, downloading it first when only the server has it (progress and errors shown here).
class AttachmentsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Opens a local file; QDesktopServices by default. False: nothing could open it.
    using Opener = std::function<bool(const QString &path)>;

    explicit AttachmentsPanel(QWidget *parent = nullptr);

    void setHost(CaseDetailsHost *host);
    void setCase(const QString &caseId);
    void refresh();
    void setOpener(Opener opener) { m_opener = std::move(opener); }

    AttachmentsModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *openButton() const { return m_open; }
    QProgressBar *progressBar() const { return m_progress; }
    QString messageText() const;
    bool isBusy() const { return m_adding > 0 || !m_opening.isEmpty(); }
    QList<QWidget *> focusWidgets() const;

public Q_SLOTS:
    /// "Add…": a file dialog (not blocking the event loop), then addFiles().
    void chooseFiles();
    void addFiles(const QStringList &paths);
    /// Opens the current attachment.
    void openCurrent();
    void openAttachment(const QString &attachmentId);

Q_SIGNALS:
    void countChanged(int count);
    /// A file was handed to the opener.
    void opened(const QString &attachmentId, const QString &path);

private:
    void showMessage(const QString &text, bool error);
    void updateButtons();

    QPointer<CaseDetailsHost> m_host;
    QString m_caseId;
    int m_adding = 0;
    QString m_opening; // attachment being fetched to open
    Opener m_opener;
    AttachmentsModel *m_model;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_open;
    QProgressBar *m_progress;
    QLabel *m_message;
};

} // namespace outpost::ui
