#pragma once

#include "domain/error.h"

#include <QtGlobal>

#include <optional>
#include <utility>
#include <variant>

namespace counterline {

// Result<T> holds either a T or an Error. Reading the wrong side is a programmer error: it asserts
// in debug builds and terminates (std::get throws) in release builds.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_state(value)
    {}
    Result(T &&value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT_X(ok(), "Result::value", "read the value of a failed Result");
        return std::get<T>(m_state);
    }
    T &value() &
    {
        Q_ASSERT_X(ok(), "Result::value", "read the value of a failed Result");
        return std::get<T>(m_state);
    }
    T &&value() &&
    {
        Q_ASSERT_X(ok(), "Result::value", "read the value of a failed Result");
        return std::get<T>(std::move(m_state));
    }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const
    {
        Q_ASSERT_X(!ok(), "Result::error", "read the error of a successful Result");
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const
    {
        Q_ASSERT_X(!ok(), "Result::error", "read the error of a successful Result");
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

inline Result<void> success()
{
    return {};
}

} // namespace counterline
