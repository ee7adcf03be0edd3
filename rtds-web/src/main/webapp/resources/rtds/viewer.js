/*
 * RTDS study viewer: the planning CT drawn in a canvas from the API's pixel data (Hounsfield units),
 * with every structure's contours in its DICOM display colour and the isodose lines of the slice.
 *
 *   - slices: mouse wheel, the slider, arrow keys / Page Up / Page Down / Home / End
 *   - window/level: presets (soft tissue, lung, bone; keys 1, 2, 3) or drag with the right mouse
 *     button (or Shift + left): right/left = wider/narrower window, down/up = higher/lower level
 *   - zoom: Ctrl + wheel, the buttons, + / - keys; pan: drag with the left button; 0 resets
 *   - the point under the pointer: patient coordinates (mm) and HU at once, the plan's dose (Gy)
 *     when the pointer rests
 *
 * Reads /api/v1/studies/{uid}/ct, /ct/{sop}, /contours, /isodoses/{sop} and /dose with the page's
 * session (header X-RTDS-Session: page). No library, nothing fetched from elsewhere.
 */
(function () {
  'use strict';

  /** Window presets: [level (centre), width] in HU. */
  var PRESETS = {soft: [40, 400], lung: [-600, 1500], bone: [400, 1800]};

  /** Isodose colours from the highest level down (the usual planning-system order). */
  var ISODOSE_COLOURS = ['#ff00ff', '#ff0000', '#ff8c00', '#ffff00', '#00ff00', '#00ffff',
    '#3399ff', '#0000ff', '#9966ff', '#ffffff'];

  /** How many image requests run at once while the study loads in the background. */
  var PARALLEL = 4;

  function fetchJson(url) {
    return fetch(url, {
      headers: {'Accept': 'application/json', 'X-RTDS-Session': 'page'},
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error(url + ': ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  /** base64 of little-endian int16 values → Int16Array. */
  function decodeHu(base64, count) {
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    var view = new DataView(bytes.buffer);
    var hu = new Int16Array(count);
    for (var j = 0; j < count; j++) {
      hu[j] = view.getInt16(2 * j, true);
    }
    return hu;
  }

  function dot(a, b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  function rgb(colour, fallbackIndex) {
    if (colour && colour.length === 3) {
      return 'rgb(' + colour[0] + ',' + colour[1] + ',' + colour[2] + ')';
    }
    return ISODOSE_COLOURS[fallbackIndex % ISODOSE_COLOURS.length];
  }

  function Viewer(root) {
    this.root = root;
    this.api = root.getAttribute('data-api');
    this.text = JSON.parse(root.getAttribute('data-text') || '{}');
    this.canvas = root.querySelector('canvas');
    this.slider = root.querySelector('.rtds-viewer-slider');
    this.sliceLabel = root.querySelector('.rtds-viewer-slice');
    this.readout = root.querySelector('.rtds-viewer-readout');
    this.status = root.querySelector('.rtds-viewer-status');
    this.roiLegend = root.querySelector('.rtds-viewer-rois');
    this.isoLegend = root.querySelector('.rtds-viewer-isodoses');
    this.ct = null;
    this.index = 0;
    this.images = [];         // slice index → Int16Array
    this.requested = [];      // slice index → the promise of its answer, once asked for
    this.failed = [];         // slice index → true when its answer was an error
    this.loadedCount = 0;
    this.rois = [];           // {number, name, colour, visible, bySlice: {index: [Float32Array]}}
    this.isodoses = {};       // slice index → levels or 'loading' / 'none'
    this.isoVisible = {};     // percent → boolean
    this.isoLevels = null;    // the levels seen, for the legend
    this.level = PRESETS.soft[0];
    this.width = PRESETS.soft[1];
    this.zoom = 1;
    this.panX = 0;
    this.panY = 0;
    this.offscreen = document.createElement('canvas');
    this.lut = null;
    // milliseconds since the page was asked for (performance.now() counts from navigation start)
    this.timing = {firstImageMs: null, allImagesMs: null};
    this.dose = null;         // the last dose readout
    this.pointer = null;
    root.rtdsViewer = this;
    this.bind();
    this.start();
  }

  Viewer.prototype.say = function (message) {
    this.status.textContent = message;
  };

  Viewer.prototype.start = function () {
    var self = this;
    fetchJson(this.api + '/ct').then(function (ct) {
      self.ct = ct;
      var n = ct.slices.length;
      self.rowDir = ct.orientation.slice(0, 3);
      self.colDir = ct.orientation.slice(3, 6);
      self.offscreen.width = ct.columns;
      self.offscreen.height = ct.rows;
      self.slider.max = String(n - 1);
      self.slider.disabled = false;
      self.preset('soft');
      self.setSlice(Math.floor(n / 2));
      // the shown image first, alone: its isodoses, the contours and the other images once it is drawn
      self.loadImage(self.index).then(function () {
        self.loadIsodoses(self.index);
        self.loadContours();
        self.prefetch();
      });
    }).catch(function (error) {
      self.say(error.status === 404 ? self.text.noCt : self.text.failed + ' ' + error.message);
    });
  };

  // --- loading ---

  /** Asks for an image once; the answer's promise (the same one for every later call). */
  Viewer.prototype.loadImage = function (index) {
    var self = this;
    if (this.requested[index]) {
      return this.requested[index];
    }
    var slice = this.ct.slices[index];
    this.requested[index] = fetchJson(this.api + '/ct/' + encodeURIComponent(slice.sopInstanceUid))
      .then(function (image) {
        self.images[index] = decodeHu(image.hu, image.rows * image.columns);
        self.loadedCount++;
        if (self.loadedCount === self.ct.slices.length) {
          self.timing.allImagesMs = performance.now();
          self.root.setAttribute('data-all-images-ms', String(Math.round(performance.now())));
        }
        if (index === self.index) {
          self.draw();
        }
        self.progress();
      })
      .catch(function (error) {
        self.requested[index] = null; // asked for again when shown, not by the background loading
        self.failed[index] = true;
        self.say(self.text.failed + ' ' + error.message);
      });
    return this.requested[index];
  };

  /** Loads every image, nearest to the shown slice first, a few at a time. */
  Viewer.prototype.prefetch = function () {
    var self = this;
    var running = 0;
    function next() {
      while (running < PARALLEL) {
        var index = self.nearestMissing();
        if (index < 0) {
          return;
        }
        running++;
        self.loadImage(index).then(function () {
          running--;
          next();
        });
      }
    }
    next();
  };

  Viewer.prototype.nearestMissing = function () {
    var n = this.ct.slices.length;
    for (var d = 0; d < n; d++) {
      var up = this.index + d;
      var down = this.index - d;
      if (up < n && !this.requested[up] && !this.failed[up]) {
        return up;
      }
      if (down >= 0 && !this.requested[down] && !this.failed[down]) {
        return down;
      }
    }
    return -1;
  };

  Viewer.prototype.progress = function () {
    var n = this.ct.slices.length;
    this.say(this.loadedCount < n
      ? this.text.loading.replace('{0}', this.loadedCount).replace('{1}', n)
      : '');
  };

  /** The slice a plane at zMm lies on: the nearest, within half the distance to its neighbours. */
  Viewer.prototype.sliceAt = function (zMm) {
    var slices = this.ct.slices;
    var lo = 0;
    var hi = slices.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (slices[mid].zMm < zMm) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    var best = lo;
    if (lo > 0 && Math.abs(slices[lo - 1].zMm - zMm) < Math.abs(slices[lo].zMm - zMm)) {
      best = lo - 1;
    }
    var spacing = slices.length > 1
      ? Math.abs(slices[Math.min(best + 1, slices.length - 1)].zMm
        - slices[Math.max(best - 1, 0)].zMm) / (best > 0 && best < slices.length - 1 ? 2 : 1)
      : 1;
    return Math.abs(slices[best].zMm - zMm) <= Math.max(spacing / 2, 0.01) ? best : -1;
  };

  /** Patient point → fractional (column, row) of the slice's pixels. */
  Viewer.prototype.toPixel = function (slice, x, y, z) {
    var d = [x - slice.positionMm[0], y - slice.positionMm[1], z - slice.positionMm[2]];
    return [dot(d, this.rowDir) / this.ct.pixelSpacingMm[1],
      dot(d, this.colDir) / this.ct.pixelSpacingMm[0]];
  };

  Viewer.prototype.loadContours = function () {
    var self = this;
    fetchJson(this.api + '/contours').then(function (rois) {
      rois.forEach(function (roi, i) {
        var entry = {
          number: roi.roiNumber,
          name: roi.name,
          colour: rgb(roi.color, i),
          visible: roi.role !== 'EXTERNAL',
          external: roi.role === 'EXTERNAL',
          bySlice: {},
          count: 0
        };
        roi.contours.forEach(function (contour) {
          var index = self.sliceAt(contour.zMm);
          if (index < 0) {
            return;
          }
          var slice = self.ct.slices[index];
          var p = contour.pointsMm;
          var pixels = new Float32Array(p.length / 3 * 2 + (contour.closed ? 2 : 0));
          for (var k = 0, j = 0; k + 2 < p.length; k += 3, j += 2) {
            var c = self.toPixel(slice, p[k], p[k + 1], p[k + 2]);
            pixels[j] = c[0];
            pixels[j + 1] = c[1];
          }
          if (contour.closed) {
            pixels[pixels.length - 2] = pixels[0];
            pixels[pixels.length - 1] = pixels[1];
          }
          (entry.bySlice[index] = entry.bySlice[index] || []).push(pixels);
          entry.count++;
        });
        self.rois.push(entry);
      });
      self.roiLegendBuild();
      self.fit = self.bodyFit();
      if (self.zoom === 1 && self.panX === 0 && self.panY === 0) {
        self.reset();
      } else {
        self.draw();
      }
    }).catch(function (error) {
      self.say(self.text.failed + ' ' + error.message);
    });
  };

  /**
   * The zoom and pan that make the patient's outline (else all contours) fill nine tenths of the
   * canvas; null when there is nothing to fit.
   */
  Viewer.prototype.bodyFit = function () {
    var outline = this.rois.filter(function (r) {
      return r.external && r.count > 0;
    });
    var fitted = outline.length ? outline : this.rois;
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    fitted.forEach(function (roi) {
      Object.keys(roi.bySlice).forEach(function (k) {
        roi.bySlice[k].forEach(function (p) {
          for (var i = 0; i + 1 < p.length; i += 2) {
            box[0] = Math.min(box[0], p[i]);
            box[1] = Math.min(box[1], p[i + 1]);
            box[2] = Math.max(box[2], p[i]);
            box[3] = Math.max(box[3], p[i + 1]);
          }
        });
      });
    });
    if (!(box[2] > box[0] && box[3] > box[1])) {
      return null;
    }
    return {
      columns: box[2] - box[0], rows: box[3] - box[1],
      column: (box[0] + box[2]) / 2, row: (box[1] + box[3]) / 2
    };
  };

  Viewer.prototype.loadIsodoses = function (index) {
    var self = this;
    if (this.isodoses[index]) {
      return;
    }
    this.isodoses[index] = 'loading';
    var sop = this.ct.slices[index].sopInstanceUid;
    fetchJson(this.api + '/isodoses/' + encodeURIComponent(sop)).then(function (image) {
      var levels = image.levels.slice().sort(function (a, b) {
        return b.percent - a.percent;
      });
      self.isodoses[index] = levels;
      if (!self.isoLevels) {
        self.isoLevels = levels.map(function (l) {
          return {percent: l.percent, doseGy: l.doseGy};
        });
        self.isoReference = image.reference;
        self.isoLegendBuild();
      }
      if (index === self.index) {
        self.draw();
      }
    }).catch(function () {
      self.isodoses[index] = 'none'; // no dose or no plan: the CT and contours still show
    });
  };

  // --- legends ---

  Viewer.prototype.roiLegendBuild = function () {
    var self = this;
    this.roiLegend.textContent = '';
    this.rois.forEach(function (roi, i) {
      if (roi.count === 0) {
        return;
      }
      var id = self.root.id + '-roi-' + i;
      var item = document.createElement('li');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = roi.visible;
      box.addEventListener('change', function () {
        roi.visible = box.checked;
        self.draw();
      });
      var label = document.createElement('label');
      label.htmlFor = id;
      var swatch = document.createElement('span');
      swatch.className = 'rtds-swatch';
      swatch.style.background = roi.colour;
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(roi.name));
      item.appendChild(box);
      item.appendChild(label);
      self.roiLegend.appendChild(item);
    });
  };

  Viewer.prototype.isoLegendBuild = function () {
    var self = this;
    this.isoLegend.textContent = '';
    this.isoLevels.forEach(function (level, i) {
      var id = self.root.id + '-iso-' + i;
      self.isoVisible[level.percent] = true;
      var item = document.createElement('li');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = true;
      box.addEventListener('change', function () {
        self.isoVisible[level.percent] = box.checked;
        self.draw();
      });
      var label = document.createElement('label');
      label.htmlFor = id;
      var swatch = document.createElement('span');
      swatch.className = 'rtds-swatch rtds-swatch-line';
      swatch.style.background = ISODOSE_COLOURS[i % ISODOSE_COLOURS.length];
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(
        level.percent + ' % · ' + level.doseGy.toFixed(2) + ' Gy'));
      item.appendChild(box);
      item.appendChild(label);
      self.isoLegend.appendChild(item);
    });
    var caption = this.root.querySelector('.rtds-viewer-isodose-caption');
    if (caption) {
      caption.textContent = this.isoReference === 'PRESCRIPTION'
        ? this.text.isoOfRx : this.text.isoOfMax;
    }
  };

  // --- drawing ---

  Viewer.prototype.setSlice = function (index) {
    if (!this.ct) {
      return;
    }
    var n = this.ct.slices.length;
    this.index = Math.max(0, Math.min(n - 1, index));
    this.slider.value = String(this.index);
    var slice = this.ct.slices[this.index];
    this.sliceLabel.textContent = this.text.slice.replace('{0}', this.index + 1)
      .replace('{1}', n).replace('{2}', slice.zMm.toFixed(1));
    this.loadImage(this.index);
    if (this.timing.firstImageMs !== null) { // until then the shown image is asked for alone
      this.loadIsodoses(this.index);
    }
    this.draw();
    this.showPoint();
  };

  Viewer.prototype.setWindow = function (level, width) {
    this.level = Math.round(level);
    this.width = Math.max(1, Math.round(width));
    this.lut = null;
    var label = this.root.querySelector('.rtds-viewer-window');
    label.textContent = this.text.window.replace('{0}', this.level).replace('{1}', this.width);
    this.draw();
  };

  /** HU + 32768 → grey, for the current window. */
  Viewer.prototype.grey = function () {
    if (!this.lut) {
      var lut = new Uint8ClampedArray(65536);
      var low = this.level - this.width / 2;
      for (var i = 0; i < 65536; i++) {
        lut[i] = ((i - 32768 - low) / this.width) * 255;
      }
      this.lut = lut;
    }
    return this.lut;
  };

  /**
   * CSS pixels per image pixel, and where the centre of the image's first pixel is (CSS pixels):
   * the image (−0.5 … columns − 0.5) centred in the canvas, then zoomed and moved.
   */
  Viewer.prototype.frame = function () {
    var w = this.canvas.clientWidth;
    var h = this.canvas.clientHeight;
    var scale = Math.min(w / this.ct.columns, h / this.ct.rows) * this.zoom;
    return {
      scale: scale,
      x: (w - this.ct.columns * scale) / 2 + scale / 2 + this.panX,
      y: (h - this.ct.rows * scale) / 2 + scale / 2 + this.panY
    };
  };

  Viewer.prototype.draw = function () {
    if (!this.ct) {
      return;
    }
    var ratio = window.devicePixelRatio || 1;
    var cw = Math.round(this.canvas.clientWidth * ratio);
    var ch = Math.round(this.canvas.clientHeight * ratio);
    if (this.canvas.width !== cw || this.canvas.height !== ch) {
      this.canvas.width = cw;
      this.canvas.height = ch;
    }
    var g = this.canvas.getContext('2d');
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#000';
    g.fillRect(0, 0, cw, ch);
    var hu = this.images[this.index];
    if (!hu) {
      return;
    }
    var f = this.frame();
    var off = this.offscreen.getContext('2d');
    var data = off.createImageData(this.ct.columns, this.ct.rows);
    var lut = this.grey();
    var pixels = data.data;
    for (var i = 0, j = 0; i < hu.length; i++, j += 4) {
      var v = lut[hu[i] + 32768];
      pixels[j] = v;
      pixels[j + 1] = v;
      pixels[j + 2] = v;
      pixels[j + 3] = 255;
    }
    off.putImageData(data, 0, 0);
    g.setTransform(ratio * f.scale, 0, 0, ratio * f.scale, ratio * f.x, ratio * f.y);
    g.imageSmoothingEnabled = true; // bilinear, as planning systems show CT
    // pixel centres are at integer (column, row): the image spans −0.5 … columns − 0.5
    g.drawImage(this.offscreen, -0.5, -0.5);
    this.drawIsodoses(g, f);
    this.drawContours(g, f);
    if (this.timing.firstImageMs === null) {
      this.timing.firstImageMs = performance.now();
      this.root.setAttribute('data-first-image-ms', String(Math.round(this.timing.firstImageMs)));
    }
    this.root.setAttribute('data-shown', String(this.index));
  };

  Viewer.prototype.drawContours = function (g, f) {
    var index = this.index;
    g.lineWidth = 1.6 / f.scale;
    g.lineJoin = 'round';
    this.rois.forEach(function (roi) {
      var lines = roi.bySlice[index];
      if (!roi.visible || !lines) {
        return;
      }
      g.strokeStyle = roi.colour;
      lines.forEach(function (p) {
        g.beginPath();
        g.moveTo(p[0], p[1]);
        for (var k = 2; k < p.length; k += 2) {
          g.lineTo(p[k], p[k + 1]);
        }
        g.stroke();
      });
    });
  };

  Viewer.prototype.drawIsodoses = function (g, f) {
    var levels = this.isodoses[this.index];
    if (!Array.isArray(levels)) {
      return;
    }
    var self = this;
    g.lineWidth = 1.2 / f.scale;
    g.setLineDash([4 / f.scale, 2 / f.scale]);
    levels.forEach(function (level) {
      if (self.isoVisible[level.percent] === false) {
        return;
      }
      var at = self.isoLevels.findIndex(function (l) {
        return l.percent === level.percent;
      });
      g.strokeStyle = ISODOSE_COLOURS[(at < 0 ? 0 : at) % ISODOSE_COLOURS.length];
      level.pixelLines.forEach(function (line, n) {
        // row, column pairs
        g.beginPath();
        g.moveTo(line[1], line[0]);
        for (var k = 2; k + 1 < line.length; k += 2) {
          g.lineTo(line[k + 1], line[k]);
        }
        if (level.closed[n]) {
          g.closePath();
        }
        g.stroke();
      });
    });
    g.setLineDash([]);
  };

  // --- the point under the pointer ---

  /** CSS position in the canvas → {column, row} of the shown image, or null outside it. */
  Viewer.prototype.pixelUnder = function (cssX, cssY) {
    var f = this.frame();
    var column = Math.round((cssX - f.x) / f.scale);
    var row = Math.round((cssY - f.y) / f.scale);
    if (column < 0 || row < 0 || column >= this.ct.columns || row >= this.ct.rows) {
      return null;
    }
    return {column: column, row: row};
  };

  Viewer.prototype.patientPoint = function (column, row) {
    var s = this.ct.slices[this.index];
    var dc = column * this.ct.pixelSpacingMm[1];
    var dr = row * this.ct.pixelSpacingMm[0];
    return [0, 1, 2].map(function (a) {
      return s.positionMm[a] + dc * this.rowDir[a] + dr * this.colDir[a];
    }, this);
  };

  /** Shows coordinates and HU of the pointer's pixel; asks for the dose when it rests. */
  Viewer.prototype.showPoint = function () {
    var self = this;
    clearTimeout(this.doseTimer);
    if (!this.pointer || !this.ct) {
      return;
    }
    var px = this.pixelUnder(this.pointer.x, this.pointer.y);
    if (!px) {
      this.readout.textContent = '';
      return;
    }
    var p = this.patientPoint(px.column, px.row);
    var hu = this.images[this.index];
    var text = 'x ' + p[0].toFixed(1) + ', y ' + p[1].toFixed(1) + ', z ' + p[2].toFixed(1)
      + ' mm · ' + (hu ? hu[px.row * this.ct.columns + px.column] + ' HU' : '…');
    this.readout.textContent = text;
    this.doseTimer = setTimeout(function () {
      var url = self.api + '/dose?x=' + p[0].toFixed(2) + '&y=' + p[1].toFixed(2)
        + '&z=' + p[2].toFixed(2);
      fetchJson(url).then(function (dose) {
        self.dose = dose;
        var shown = dose.doseGy === null || dose.doseGy === undefined
          ? self.text.outsideDose
          : dose.doseGy.toFixed(2) + ' Gy' + (dose.prescriptionGy
            ? ' (' + (100 * dose.doseGy / dose.prescriptionGy).toFixed(1) + ' % '
              + self.text.ofRx + ')' : '');
        if (self.readout.textContent === text) {
          self.readout.textContent = text + ' · ' + shown;
        }
      }).catch(function () {
        // no dose for this study: coordinates and HU stay
      });
    }, 250);
  };

  // --- input ---

  Viewer.prototype.bind = function () {
    var self = this;
    var canvas = this.canvas;
    var drag = null;
    canvas.addEventListener('wheel', function (e) {
      if (!self.ct) {
        return;
      }
      e.preventDefault();
      if (e.ctrlKey) {
        self.zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2);
      } else {
        self.setSlice(self.index + (e.deltaY > 0 ? 1 : -1));
      }
    }, {passive: false});
    canvas.addEventListener('contextmenu', function (e) {
      e.preventDefault();
    });
    canvas.addEventListener('mousedown', function (e) {
      canvas.focus();
      drag = {
        x: e.clientX, y: e.clientY, panX: self.panX, panY: self.panY,
        level: self.level, width: self.width,
        window: e.button === 2 || e.shiftKey
      };
      e.preventDefault();
    });
    window.addEventListener('mouseup', function () {
      drag = null;
    });
    canvas.addEventListener('mousemove', function (e) {
      var box = canvas.getBoundingClientRect();
      self.pointer = {x: e.clientX - box.left, y: e.clientY - box.top};
      if (drag && self.ct) {
        var dx = e.clientX - drag.x;
        var dy = e.clientY - drag.y;
        if (drag.window) {
          self.setWindow(drag.level + dy * 2, drag.width + dx * 4);
        } else {
          self.panX = drag.panX + dx;
          self.panY = drag.panY + dy;
          self.draw();
        }
      }
      self.showPoint();
    });
    canvas.addEventListener('mouseleave', function () {
      self.pointer = null;
      clearTimeout(self.doseTimer);
    });
    canvas.addEventListener('keydown', function (e) {
      if (!self.ct) {
        return;
      }
      var handled = true;
      switch (e.key) {
        case 'ArrowUp': case 'ArrowRight': self.setSlice(self.index + 1); break;
        case 'ArrowDown': case 'ArrowLeft': self.setSlice(self.index - 1); break;
        case 'PageUp': self.setSlice(self.index + 10); break;
        case 'PageDown': self.setSlice(self.index - 10); break;
        case 'Home': self.setSlice(0); break;
        case 'End': self.setSlice(self.ct.slices.length - 1); break;
        case '+': case '=': self.zoomBy(1.25); break;
        case '-': self.zoomBy(0.8); break;
        case '0': self.reset(); break;
        case '1': self.preset('soft'); break;
        case '2': self.preset('lung'); break;
        case '3': self.preset('bone'); break;
        default: handled = false;
      }
      if (handled) {
        e.preventDefault();
      }
    });
    this.slider.addEventListener('input', function () {
      self.setSlice(parseInt(self.slider.value, 10));
    });
    this.root.querySelectorAll('[data-preset]').forEach(function (button) {
      button.addEventListener('click', function () {
        self.preset(button.getAttribute('data-preset'));
      });
    });
    this.root.querySelectorAll('[data-zoom]').forEach(function (button) {
      button.addEventListener('click', function () {
        var z = button.getAttribute('data-zoom');
        if (z === 'reset') {
          self.reset();
        } else {
          self.zoomBy(parseFloat(z));
        }
      });
    });
    window.addEventListener('resize', function () {
      self.draw();
    });
  };

  Viewer.prototype.preset = function (name) {
    var p = PRESETS[name];
    this.root.querySelectorAll('[data-preset]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-preset') === name));
    });
    this.setWindow(p[0], p[1]);
  };

  Viewer.prototype.zoomBy = function (factor) {
    this.zoom = Math.max(0.5, Math.min(16, this.zoom * factor));
    this.draw();
  };

  /** Back to the start: the outline fitted to the canvas, soft-tissue window. */
  Viewer.prototype.reset = function () {
    this.zoom = 1;
    this.panX = 0;
    this.panY = 0;
    if (this.fit && this.ct) {
      var w = this.canvas.clientWidth;
      var h = this.canvas.clientHeight;
      var base = Math.min(w / this.ct.columns, h / this.ct.rows);
      this.zoom = Math.max(1, Math.min(8, 0.9 * Math.min(
        w / (this.fit.columns * base), h / (this.fit.rows * base))));
      var scale = base * this.zoom;
      this.panX = scale * ((this.ct.columns - 1) / 2 - this.fit.column);
      this.panY = scale * ((this.ct.rows - 1) / 2 - this.fit.row);
    }
    this.preset('soft');
  };

  /** For the browser tests and the console: the ROIs drawn on the shown slice. */
  Viewer.prototype.shownRois = function () {
    var index = this.index;
    return this.rois.filter(function (r) {
      return r.visible && r.bySlice[index];
    }).map(function (r) {
      return r.name;
    });
  };

  function init() {
    document.querySelectorAll('.rtds-viewer[data-api]').forEach(function (root) {
      if (!root.rtdsViewer) {
        new Viewer(root);
      }
    });
  }

  // A viewer whose markup precedes this script starts at once: waiting for DOMContentLoaded would
  // queue its first request behind the parsing of the rest of the page and behind every chart the
  // page draws when it is ready. A viewer further down starts when the document is ready.
  init();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
}());
