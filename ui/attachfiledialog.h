// SPDX-License-Identifier: MIT
#pragma once

#include <QFileDialog>

class QLabel;

namespace outpost::ui {

class FileAccess;

/// "Attach files": a QFileDialog that takes only what FileAccess allows. In kiosk mode it is Qt's
/// own dialog (never the platform's) confined to the attachment folders: it lists nothing else
/// (a proxy model), its side bar holds only those folders, a folder outside them (typed, the "Look
/// in" list, Parent) leads back to the first one, nothing can be renamed or deleted, and a typed
/// path outside is refused with a message while the dialog stays open. On the desk the app's own
/// files are refused the same way. Open it with open().
class AttachFileDialog : public QFileDialog
{
    Q_OBJECT
public:
    AttachFileDialog(const FileAccess &access, QWidget *parent = nullptr);

    /// Why the last choice was refused (empty: nothing refused).
    QString messageText() const;

public Q_SLOTS:
    void accept() override;

private:
    void keepInside(const QString &dir);

    const FileAccess &m_access;
    QStringList m_folders; // kiosk: the only folders shown
    QLabel *m_message = nullptr;
};

} // namespace outpost::ui
