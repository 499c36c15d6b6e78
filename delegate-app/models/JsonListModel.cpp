#include "models/JsonListModel.h"

namespace chamber::app {

JsonListModel::JsonListModel(QStringList keys, QString idKey, QObject* parent)
    : QAbstractListModel(parent), keys_(std::move(keys)), idKey_(std::move(idKey)) {}

int JsonListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant JsonListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const int k = role - Qt::UserRole;
  if (role == Qt::DisplayRole) return rows_[index.row()].value(keys_.value(0));
  if (k < 0 || k >= keys_.size()) return {};
  return rows_[index.row()].value(keys_[k]);
}

QHash<int, QByteArray> JsonListModel::roleNames() const {
  QHash<int, QByteArray> names;
  for (int i = 0; i < keys_.size(); ++i) names[Qt::UserRole + i] = keys_[i].toUtf8();
  return names;
}

void JsonListModel::setRows(QList<QVariantMap> rows) {
  bool sameIds = rows.size() == rows_.size();
  for (int i = 0; sameIds && i < rows.size(); ++i)
    sameIds = rows[i].value(idKey_) == rows_[i].value(idKey_);
  if (sameIds) {
    if (rows == rows_) return;
    rows_ = std::move(rows);
    if (!rows_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1));
    return;
  }
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  emit countChanged();
}

QVariantMap JsonListModel::get(int row) const {
  return row >= 0 && row < rows_.size() ? rows_[row] : QVariantMap{};
}

int JsonListModel::indexOf(const QString& id) const {
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_[i].value(idKey_).toString() == id) return i;
  return -1;
}

}  // namespace chamber::app
