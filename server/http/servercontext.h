// SPDX-License-Identifier: MIT
#pragma once

// State shared by the listener and every connection of one HttpServer. Internal to the transport.

#include "httptypes.h"
#include "notifyhubimpl.h"
#include "serveroptions.h"

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace outpost::http {

/// A connection the server can ask to close: gently (finish the request in flight, then close) or
/// at once. Thread-safe: implementations post to their own strand.
class Stoppable
{
public:
    virtual ~Stoppable() = default;
    virtual void stop(bool force) = 0;
};

/// Every open connection, so shutdown() can reach them.
class SessionRegistry
{
public:
    void add(const void *key, std::weak_ptr<Stoppable> session);
    void remove(const void *key);
    void stopAll(bool force);
    int size() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<const void *, std::weak_ptr<Stoppable>> m_sessions;
};

/// Requests between "head read" and "response written or dropped"; shutdown() waits on it.
class InFlightCounter
{
public:
    void add();
    void done();
    int count() const { return m_count.load(); }
    /// True when it reached zero before the deadline.
    bool waitIdle(std::chrono::steady_clock::time_point deadline);

private:
    std::atomic<int> m_count { 0 };
    std::mutex m_mutex;
    std::condition_variable m_idle;
};

/// Open connections per source address (ServerOptions::maxConnectionsPerAddress). A connection
/// holds its slot (an upgraded WebSocket keeps the HTTP connection's) until it is destroyed.
class ConnectionLimiter
{
public:
    using Slot = std::shared_ptr<void>;
    explicit ConnectionLimiter(int maxPerAddress)
        : m_max(maxPerAddress)
    { }
    /// A slot for one more connection from `address`, or null when it has its share already.
    Slot acquire(const std::string &address);

private:
    const int m_max;
    std::mutex m_mutex;
    std::unordered_map<std::string, int> m_open;
};

/// The TLS context new connections use (null: plain HTTP). Replaced as a whole by a reload;
/// connections keep the one they started with.
class TlsHolder
{
public:
    std::shared_ptr<boost::asio::ssl::context> get() const
    {
        std::lock_guard lock(m_mutex);
        return m_context;
    }
    void set(std::shared_ptr<boost::asio::ssl::context> context)
    {
        std::lock_guard lock(m_mutex);
        m_context = std::move(context);
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<boost::asio::ssl::context> m_context;
};

struct ServerContext {
    ServerContext(ServerOptions o, Handler &h)
        : options(std::move(o))
        , handler(h)
        , connections(options.maxConnectionsPerAddress)
    { }

    const ServerOptions options;
    Handler &handler;
    boost::asio::thread_pool *workers = nullptr; // owned by HttpServer; set by listen()
    boost::asio::thread_pool *writeLane = nullptr; // the upload lane, when there is one; ditto
    std::atomic<int> writeLaneHeld { 0 }; // lane requests running or waiting for a lane thread
    NotifyHubImpl hub;
    SessionRegistry sessions;
    ConnectionLimiter connections;
    InFlightCounter inFlight;
    TlsHolder tls;
    std::atomic<bool> stopping { false };
};

} // namespace outpost::http
