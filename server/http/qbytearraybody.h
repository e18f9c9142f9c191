// SPDX-License-Identifier: MIT
#pragma once

// A Beast body stored in a QByteArray, so request and response bodies cross into the Qt side
// without a copy. Internal to the transport.

#include <QByteArray>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <cstdint>
#include <utility>

namespace outpost::http {

struct QByteArrayBody {
    using value_type = QByteArray;

    static std::uint64_t size(const value_type &body) { return std::uint64_t(body.size()); }

    class reader
    {
    public:
        template <bool isRequest, class Fields>
        reader(boost::beast::http::header<isRequest, Fields> &, value_type &body)
            : m_body(body)
        { }

        void init(const boost::optional<std::uint64_t> &length, boost::beast::error_code &ec)
        {
            // The parser's body_limit has already bounded a declared length.
            if (length)
                m_body.reserve(qsizetype(*length));
            ec = {};
        }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence &buffers, boost::beast::error_code &ec)
        {
            std::size_t n = 0;
            for (const auto b : boost::beast::buffers_range_ref(buffers)) {
                m_body.append(static_cast<const char *>(b.data()), qsizetype(b.size()));
                n += b.size();
            }
            ec = {};
            return n;
        }

        void finish(boost::beast::error_code &ec) { ec = {}; }

    private:
        value_type &m_body;
    };

    class writer
    {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const boost::beast::http::header<isRequest, Fields> &, const value_type &body)
            : m_body(body)
        { }

        void init(boost::beast::error_code &ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code &ec)
        {
            ec = {};
            return { { const_buffers_type(m_body.constData(), std::size_t(m_body.size())), false } };
        }

    private:
        const value_type &m_body;
    };
};

} // namespace outpost::http
