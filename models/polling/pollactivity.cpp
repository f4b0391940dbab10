// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollactivity.h"

namespace Livy {

Q_GLOBAL_STATIC(PollActivity, globalActivity)

PollActivity::PollActivity(QObject *parent)
    : QObject(parent)
{
}

PollActivity *PollActivity::global()
{
    return globalActivity();
}

void PollActivity::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged(active);
}

} // namespace Livy
