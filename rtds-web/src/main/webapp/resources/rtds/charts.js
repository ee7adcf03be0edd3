/*
 * Chart.js options that JSON cannot carry, for charts built on the server (SimilarCharts):
 * a point's own "label" in its tooltip, and datasets marked "legendHidden" left out of the legend.
 * Used as a p:chart extender: "this" is the PrimeFaces chart widget, before the chart is drawn.
 */
window.rtdsCharts = {
  extend: function () {
    var options = this.cfg.config.options = this.cfg.config.options || {};
    var plugins = options.plugins = options.plugins || {};
    var legend = plugins.legend = plugins.legend || {};
    var labels = legend.labels = legend.labels || {};
    labels.filter = function (item, data) {
      return !data.datasets[item.datasetIndex].legendHidden;
    };
    var tooltip = plugins.tooltip = plugins.tooltip || {};
    tooltip.callbacks = tooltip.callbacks || {};
    tooltip.callbacks.label = function (context) {
      var raw = context.raw || {};
      var where = '(' + context.parsed.x + ', ' + context.parsed.y + ')';
      return (raw.label || context.dataset.label) + ': ' + where;
    };
  }
};
