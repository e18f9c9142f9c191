// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace outpost::ui {

/// A non-blocking banner over an open case: "This case was changed on the server", with
/// "Review and merge", "Reload" (drops the local edits, with their names listed) and dismiss.
class ServerChangedBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ServerChangedBanner(QWidget *parent = nullptr);

    /// Shows the banner; `editedFields` are the labels of the fields the technician edited.
    void showFor(const QStringList &editedFields);
    QString message() const;
    QPushButton *reviewButton() const { return m_review; }
    QPushButton *reloadButton() const { return m_reload; }
    QToolButton *dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void reviewRequested();
    void reloadRequested();
    void dismissed();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_review;
    QPushButton *m_reload;
    QToolButton *m_dismiss;
};

} // namespace outpost::ui
