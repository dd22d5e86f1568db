#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;

namespace ntl {

class ActorModel;
class ArticleModel;
class EventFilterModel;
class EventModel;
class EventTableView;
struct Dataset;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a dataset; on errors shows them and keeps the current dataset. Returns success.
    bool openDataset(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseAndOpen();
    void updateCounts();

    EventModel *m_events;
    ActorModel *m_actors;
    ArticleModel *m_articles;
    EventFilterModel *m_filter;
    EventTableView *m_table;
    QLineEdit *m_search;
    QLabel *m_countLabel;
    QString m_currentPath;
};

} // namespace ntl
