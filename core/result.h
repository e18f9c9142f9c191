// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace outpost {

/// The code of a write that failed because the device's disk is full (the client's store says so
/// in people's words: client::diskFullError).
inline constexpr auto DiskFullCode = "disk_full";

/// An error as a value: a machine code (the protocol's error codes), a human message and,
/// for validation failures, one message per field. Never thrown across Qt boundaries.
struct Error {
    QString code;
    QString message;
    QMap<QString, QString> fields;

    Error() = default;
    Error(QString c, QString m, QMap<QString, QString> f = {})
        : code(std::move(c))
        , message(std::move(m))
        , fields(std::move(f))
    { }

    bool isNull() const { return code.isEmpty(); }
    /// {"code", "message", "fields"?} as the protocol's error body carries it.
    QJsonObject toJson() const;
    static Error fromJson(const QJsonObject &obj);
    /// "message (field: msg; field: msg)" for logs and the command line.
    QString toString() const;
};

/// A value or an Error. Small on purpose: check ok(), then value() or error().
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    /// The error; an empty Error when ok(), so it is always safe to call.
    const Error &error() const
    {
        static const Error none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }
    static Result success() { return {}; }

    bool ok() const { return m_error.isNull(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

using Status = Result<void>;

} // namespace outpost
