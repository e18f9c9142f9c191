// SPDX-License-Identifier: MIT
#include "httpserver.h"

#include "httplog.h"
#include "listener.h"
#include "servercontext.h"
#include "tlscontext.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace outpost::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
// After the drain: how long closing connections may take before the io threads are stopped.
constexpr std::chrono::milliseconds kCloseGrace { 1000 };
} // namespace

struct HttpServer::Impl {
    enum class State { Fresh, Running, Stopped };

    Impl(ServerOptions options, Handler &handler)
        : context(std::make_shared<ServerContext>(std::move(options), handler))
    { }

    std::shared_ptr<ServerContext> context;
    std::unique_ptr<net::io_context> ioc;
    std::unique_ptr<net::thread_pool> workers;
    std::unique_ptr<net::thread_pool> writeLane;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    std::shared_ptr<Listener> listener;
    std::vector<std::thread> ioThreads;
    std::mutex exitMutex;
    std::condition_variable exitCv;
    int exitedThreads = 0;
    State state = State::Fresh;
};

HttpServer::HttpServer(ServerOptions options, Handler &handler)
    : m_impl(std::make_unique<Impl>(std::move(options), handler))
{ }

HttpServer::~HttpServer()
{
    shutdown(std::chrono::milliseconds(0));
}

NotifyHub &HttpServer::hub()
{
    return m_impl->context->hub;
}

int HttpServer::inFlight() const
{
    return m_impl->context->inFlight.count();
}

int HttpServer::connectionCount() const
{
    return m_impl->context->sessions.size();
}

Result<quint16> HttpServer::listen()
{
    Impl &d = *m_impl;
    const ServerOptions &o = d.context->options;
    if (d.state != Impl::State::Fresh)
        return Error(QStringLiteral("listen_failed"), QStringLiteral("The server was already started"));

    const QString hostForError
        = o.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(o.host) : o.host;
    boost::system::error_code ec;
    const net::ip::address address = o.host == QLatin1String("localhost")
        ? net::ip::address(net::ip::address_v4::loopback())
        : net::ip::make_address(o.host.toStdString(), ec);
    if (ec) {
        return Error(QStringLiteral("listen_failed"),
            QStringLiteral("Cannot listen on %1:%2: not an IP address").arg(hostForError).arg(o.port));
    }

    if (o.tls()) {
        auto tls = makeTlsContext(o, nullptr);
        if (!tls)
            return tls.error();
        d.context->tls.set(std::move(tls).value());
    }

    d.ioc = std::make_unique<net::io_context>(std::max(1, o.ioThreads));
    d.listener = std::make_shared<Listener>(*d.ioc, d.context);
    quint16 port = 0;
    ec = d.listener->open(tcp::endpoint(address, o.port), port);
    if (ec) {
        d.listener.reset();
        d.ioc.reset();
        return Error(QStringLiteral("listen_failed"),
            QStringLiteral("Cannot listen on %1:%2: %3")
                .arg(hostForError)
                .arg(o.port)
                .arg(QString::fromStdString(ec.message())));
    }

    d.workers = std::make_unique<net::thread_pool>(std::size_t(std::max(1, o.workerThreads)));
    d.context->workers = d.workers.get();
    if (o.writeLaneThreads > 0) {
        d.writeLane = std::make_unique<net::thread_pool>(std::size_t(o.writeLaneThreads));
        d.context->writeLane = d.writeLane.get();
    }
    d.work.emplace(net::make_work_guard(*d.ioc));
    for (int i = 0; i < std::max(1, o.ioThreads); ++i) {
        d.ioThreads.emplace_back([&d] {
            for (;;) {
                // Nothing in the transport throws by design; should something still do, the
                // connection concerned is lost but the thread keeps serving the others.
                try {
                    d.ioc->run();
                    break;
                } catch (const std::exception &e) {
                    qCCritical(lcHttp) << "unexpected exception on an I/O thread:" << e.what();
                }
            }
            std::lock_guard lock(d.exitMutex);
            ++d.exitedThreads;
            d.exitCv.notify_all();
        });
    }
    d.listener->start();
    d.state = Impl::State::Running;
    qCInfo(lcHttp).noquote() << QStringLiteral("listening on %1:%2%3 (%4 io threads, %5 workers)")
                                    .arg(hostForError)
                                    .arg(port)
                                    .arg(o.tls() ? QStringLiteral(" with TLS") : QString())
                                    .arg(std::max(1, o.ioThreads))
                                    .arg(std::max(1, o.workerThreads));
    return port;
}

Result<QStringList> HttpServer::checkTls(const ServerOptions &options)
{
    QStringList warnings;
    auto tls = makeTlsContext(options, &warnings);
    if (!tls)
        return tls.error();
    return warnings;
}

Result<QStringList> HttpServer::reloadTls()
{
    const ServerOptions &o = m_impl->context->options;
    if (!o.tls())
        return Error(QStringLiteral("tls_config"), QStringLiteral("TLS is not configured"));
    QStringList warnings;
    auto tls = makeTlsContext(o, &warnings);
    if (!tls)
        return tls.error();
    m_impl->context->tls.set(std::move(tls).value());
    qCInfo(lcHttp).noquote() << "TLS certificate and key reloaded from" << o.tlsCertFile;
    return warnings;
}

void HttpServer::shutdown(std::chrono::milliseconds drain)
{
    Impl &d = *m_impl;
    if (d.state != Impl::State::Running) {
        d.state = Impl::State::Stopped;
        return;
    }
    ServerContext &context = *d.context;
    const auto deadline = std::chrono::steady_clock::now() + drain;

    // 1. No new connections; idle ones close, busy ones close after their response.
    context.stopping = true;
    d.listener->close();
    context.sessions.stopAll(false);

    // 2. Drain.
    const bool drained = context.inFlight.waitIdle(deadline);
    if (!drained)
        qCWarning(lcHttp) << "shutdown: drain time over with" << context.inFlight.count()
                          << "requests in flight";

    // 3. Close whatever is left and let the io threads run out of work.
    context.sessions.stopAll(true);
    d.work.reset();
    {
        std::unique_lock lock(d.exitMutex);
        const int threads = int(d.ioThreads.size());
        if (!d.exitCv.wait_for(lock, kCloseGrace, [&] { return d.exitedThreads == threads; }))
            d.ioc->stop();
    }
    for (std::thread &t : d.ioThreads)
        t.join();
    d.ioThreads.clear();

    // 4. Handlers still running finish here; their responses go nowhere.
    d.workers->join();
    if (d.writeLane)
        d.writeLane->join();

    // Uninvoked completion handlers (and the connections they hold) go with the io_context.
    d.listener.reset();
    d.ioc.reset();
    context.workers = nullptr;
    context.writeLane = nullptr;
    d.workers.reset();
    d.writeLane.reset();
    d.state = Impl::State::Stopped;
    qCInfo(lcHttp) << "stopped";
}

} // namespace outpost::http
