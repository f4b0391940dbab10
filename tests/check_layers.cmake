# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ctest script: fails when a layer includes what it must not (see docs/architecture.md, "1. Layers"):
#   models/  Qt Core + Network only: no QtGui / QtWidgets headers
#   views/   no QtNetwork headers, no QNetwork* classes

set(failures "")

file(GLOB_RECURSE model_files "${SOURCE_DIR}/models/*.h" "${SOURCE_DIR}/models/*.cpp")
foreach(f IN LISTS model_files)
    file(STRINGS "${f}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](QtGui|QtWidgets|QtSvg|QtCharts|QWidget|QApplication|QGuiApplication|QPixmap|QImage|QColor|QIcon|QFont|QPainter|QBrush|QPalette)[/>\"]")
    foreach(h IN LISTS hits)
        list(APPEND failures "${f}: ${h}")
    endforeach()
endforeach()

file(GLOB_RECURSE view_files "${SOURCE_DIR}/views/*.h" "${SOURCE_DIR}/views/*.cpp")
foreach(f IN LISTS view_files)
    file(STRINGS "${f}" hits REGEX "(#[ \t]*include[ \t]*[<\"](QtNetwork|QNetwork[A-Za-z]*|QSslSocket|QTcpSocket|QHttp[A-Za-z]*)[/>\"])|QNetworkAccessManager")
    foreach(h IN LISTS hits)
        list(APPEND failures "${f}: ${h}")
    endforeach()
endforeach()

file(READ "${SOURCE_DIR}/models/CMakeLists.txt" models_cmake)
if(models_cmake MATCHES "Qt6::(Gui|Widgets|Svg|Charts)")
    list(APPEND failures "models/CMakeLists.txt links a Gui or Widgets module")
endif()
file(READ "${SOURCE_DIR}/views/CMakeLists.txt" views_cmake)
if(views_cmake MATCHES "Qt6::Network")
    list(APPEND failures "views/CMakeLists.txt links Qt6::Network")
endif()

list(LENGTH model_files n_models)
list(LENGTH view_files n_views)
if(n_models EQUAL 0 OR n_views EQUAL 0)
    list(APPEND failures "no sources found under ${SOURCE_DIR}/models or views")
endif()

if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "Layer rule violated:\n  ${text}")
endif()
message(STATUS "layers OK: ${n_models} model files, ${n_views} view files checked")
