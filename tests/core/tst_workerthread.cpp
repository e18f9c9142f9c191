// SPDX-License-Identifier: MIT
#include "thread/workerthread.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace outpost;

namespace {

/// Records where it ran and where it was destroyed.
class Probe : public QObject
{
    Q_OBJECT
public:
    explicit Probe(std::atomic<QThread *> *destroyedOn)
        : m_destroyedOn(destroyedOn)
    { }
    ~Probe() override { *m_destroyedOn = QThread::currentThread(); }

    void ping() { Q_EMIT pong(QThread::currentThread()->objectName()); }

Q_SIGNALS:
    void pong(const QString &threadName);

private:
    std::atomic<QThread *> *m_destroyedOn;
};

} // namespace

class TestWorkerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsNamedAndDeletesTheWorkerOnItsThread()
    {
        std::atomic<QThread *> destroyedOn = nullptr;
        auto *probe = new Probe(&destroyedOn);
        QSignalSpy pong(probe, &Probe::pong);
        QThread *workerThread = nullptr;
        {
            WorkerThread thread(QStringLiteral("tst-worker"), probe);
            workerThread = thread.thread();
            QCOMPARE(probe->thread(), workerThread);
            QVERIFY(!thread.isRunning());
            thread.start();
            QVERIFY(thread.isRunning());
            QMetaObject::invokeMethod(probe, &Probe::ping, Qt::QueuedConnection);
            QVERIFY(pong.wait(10000));
            QCOMPARE(pong.first().at(0).toString(), QStringLiteral("tst-worker"));
            thread.stop();
            QVERIFY(!thread.isRunning());
            QCOMPARE(thread.worker(), nullptr);
            QCOMPARE(destroyedOn.load(), workerThread); // deleted on its own thread, as it ended
            thread.stop(); // idempotent
        }
    }

    void aWorkerNeverStartedIsDeletedByStop()
    {
        std::atomic<QThread *> destroyedOn = nullptr;
        {
            WorkerThread thread(QStringLiteral("tst-idle"), new Probe(&destroyedOn));
        }
        QCOMPARE(destroyedOn.load(), QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_workerthread.moc"
