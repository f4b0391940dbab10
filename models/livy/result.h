// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyerror.h"

#include <utility>
#include <variant>

namespace Livy {

/// A value or a LivyError (GCC 12 has no std::expected).
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}              // NOLINT(google-explicit-constructor)
    Result(LivyError error) : m_data(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &std::get<T>(m_data); }

    /// The error; a default (None) error when the result holds a value.
    LivyError error() const { return ok() ? LivyError{} : std::get<LivyError>(m_data); }

private:
    std::variant<T, LivyError> m_data;
};

} // namespace Livy
