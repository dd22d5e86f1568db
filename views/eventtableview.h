#pragma once

#include <QTableView>

namespace ntl {

// A sortable, read-only table of events (date, title, kind, status, place, passages).
class EventTableView : public QTableView
{
    Q_OBJECT
public:
    explicit EventTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
};

} // namespace ntl
