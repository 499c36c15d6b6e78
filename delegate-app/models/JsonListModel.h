#pragma once
/// A list model of rows (QVariantMap) with roles named by their keys. Rows are replaced
/// as a whole from the server's state view: when the same ids come back in the same order
/// only dataChanged is emitted (views keep their position), otherwise the model resets.
#include <QAbstractListModel>
#include <QVariantMap>

namespace chamber::app {

class JsonListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
 public:
  /// `keys` become roles (Qt::UserRole + i); `idKey` tells rows apart.
  JsonListModel(QStringList keys, QString idKey, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  void setRows(QList<QVariantMap> rows);
  int count() const { return static_cast<int>(rows_.size()); }
  Q_INVOKABLE QVariantMap get(int row) const;
  Q_INVOKABLE int indexOf(const QString& id) const;

 signals:
  void countChanged();

 private:
  QStringList keys_;
  QString idKey_;
  QList<QVariantMap> rows_;
};

}  // namespace chamber::app
