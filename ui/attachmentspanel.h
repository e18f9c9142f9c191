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
class AttachmentViewer;
class FileAccess;

/// The attachments of the open case: name, size, pending upload or on the server. "Add…" picks
/// files (copied beside the store off the GUI thread, uploaded with the next sync); "Open" opens a
/// local copy, downloading it first when only the server has it (progress and errors shown here).
/// Pictures and PDF files are shown inside the app (AttachmentViewer); programs and scripts are
/// never opened; anything else goes to the desktop's application on the desk, never in kiosk mode.
class AttachmentsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Opens a local file that is neither a picture, a PDF nor a program, on the desk only;
    /// QDesktopServices by default. False: nothing could open it.
    using Opener = std::function<bool(const QString &path)>;

    explicit AttachmentsPanel(QWidget *parent = nullptr);

    void setHost(CaseDetailsHost *host);
    void setCase(const QString &caseId);
    void refresh();
    void setOpener(Opener opener) { m_opener = std::move(opener); }
    /// Where files may come from (kiosk: only the attachment folders, after the PIN); null: anywhere.
    void setFileAccess(const FileAccess *access) { m_access = access; }
    const FileAccess *fileAccess() const { return m_access; }

    AttachmentsModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *openButton() const { return m_open; }
    QProgressBar *progressBar() const { return m_progress; }
    /// The viewer of the last picture or PDF opened, while it is open.
    AttachmentViewer *viewer() const;
    QString messageText() const;
    bool isBusy() const { return m_adding > 0 || !m_opening.isEmpty(); }
    QList<QWidget *> focusWidgets() const;
    /// Where files handed to another application are written in plain (the user's runtime
    /// folder); the app empties it as it starts.
    static QString openedCopiesDir();

public Q_SLOTS:
    /// "Add…": the administrator PIN first in kiosk mode (FileAccess::browsingNeedsPin), then an
    /// AttachFileDialog (not blocking the event loop), then addFiles().
    void chooseFiles();
    /// Attaches the files FileAccess allows; a refused one is named in the panel's message.
    void addFiles(const QStringList &paths);
    /// Opens the current attachment.
    void openCurrent();
    void openAttachment(const QString &attachmentId);

Q_SIGNALS:
    void countChanged(int count);
    /// A file was shown in the viewer (`what` is its name) or handed to the opener (`what` is the
    /// path of the plain copy it was given).
    void opened(const QString &attachmentId, const QString &what);

private:
    void showMessage(const QString &text, bool error);
    void updateButtons();
    void openFileDialog();
    void showFile(const QString &attachmentId, const QString &name, const QByteArray &content);
    static QString openableCopy(const QString &attachmentId, const QString &name, const QByteArray &content);

    QPointer<CaseDetailsHost> m_host;
    QString m_caseId;
    int m_adding = 0;
    QString m_opening; // attachment being fetched to open
    Opener m_opener;
    const FileAccess *m_access = nullptr;
    QPointer<AttachmentViewer> m_viewer;
    AttachmentsModel *m_model;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_open;
    QProgressBar *m_progress;
    QLabel *m_message;
};

} // namespace outpost::ui
