// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QStringList>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace outpost::ui {

/// One line of the ready check as the panel shows it (the engine's ReadyItem, without its code).
struct ReadyLine {
    bool ok = false;
    QString text;
    QStringList details;
};

/// The ready check's answer for the panel and the status bar.
struct ReadyState {
    bool known = false; // false until a first check answered
    bool ready = false;
    QList<ReadyLine> lines;
    QDateTime checkedAt;
    int reasonCount() const;
};

/// "Ready to go offline?", opened from the status bar: a green "Ready to go offline" or the list of
/// reasons (what is wrong first, what is fine below), "Get ready" (sync, with progress, then check
/// again) and "Check again". It runs nothing itself: ReadySession (ui/models) answers its signals.
class ReadyPanel : public QDialog
{
    Q_OBJECT
public:
    explicit ReadyPanel(QWidget *parent = nullptr);

    void setState(const ReadyState &state);
    const ReadyState &state() const { return m_state; }
    /// While getting ready or checking: the buttons wait, `text` says what happens.
    void setBusy(bool busy, const QString &text = {});
    bool isBusy() const { return m_busy; }
    /// The sync's progress while getting ready (total 0: unknown).
    void setProgress(const QString &phase, int done, int total);

    QString headline() const;
    QListWidget *list() const { return m_list; }
    QPushButton *getReadyButton() const { return m_getReady; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;

Q_SIGNALS:
    void getReadyRequested();
    void checkRequested();

private:
    void refresh();

    ReadyState m_state;
    bool m_busy = false;
    QLabel *m_headline;
    QLabel *m_checked;
    QListWidget *m_list;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_getReady;
    QPushButton *m_checkAgain;
    QPushButton *m_close;
};

} // namespace outpost::ui
