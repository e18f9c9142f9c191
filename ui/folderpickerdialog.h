// SPDX-License-Identifier: MIT
#pragma once

#include <QFileDialog>

class QLabel;

namespace outpost::ui {

class FileAccess;

/// The settings' "Browse…" for the camera import folder: Qt's own folder dialog (never the
/// platform's, whose side bar reaches the whole disk), read-only, kept to FileAccess's
/// folderPickerPlaces() (the home folder, removable media). It lists nothing of the refused folders
/// (the app's profile, the settings' folder, system folders), its side bar holds only the places,
/// a folder outside them (typed, the "Look in" list, "..") leads back to the first one, and a choice
/// that cannot be an attachment folder (FileAccess::whyNoAttachmentFolder) is refused with a message
/// while the dialog stays open. In kiosk mode it is reached only through the settings, which need
/// the administrator PIN. Open it with open(); fileSelected() carries the folder.
class FolderPickerDialog : public QFileDialog
{
    Q_OBJECT
public:
    FolderPickerDialog(const FileAccess &access, const QString &current, QWidget *parent = nullptr);

    /// Why the last choice was refused (empty: nothing refused).
    QString messageText() const;
    QStringList places() const { return m_places; }

public Q_SLOTS:
    void accept() override;

private:
    bool isInPlaces(const QString &dir) const;
    void keepInside(const QString &dir);
    void refuse(const QString &why);

    const FileAccess &m_access;
    QStringList m_places;
    QLabel *m_message = nullptr;
};

} // namespace outpost::ui
