-- RTDS schema version 6: what the knowledge base needs beside the documented ovh and sts columns.
-- Only additions; legacy rows keep every value (the new columns stay NULL for them).
--
-- ptv_id / OAR_id name a pair by oar_dictionary entries (the TG-263 standard name of the organ, the
-- dose-level role of the target: PTV_High, PTV_Mid, PTV_Low, PTV_All for the union of all PTVs), which
-- is what two studies are matched on. The exact ROIs the pair was computed from are kept beside them:
-- fk_ptv_roi_id is NULL for the union of the study's PTVs, which is no single ROI.

ALTER TABLE `ovh`
  ADD COLUMN `fk_ptv_roi_id` int(11) NULL,
  ADD COLUMN `fk_oar_roi_id` int(11) NULL,
  -- OAR volume on the CT grid (cc) and the fraction of it inside the target (OVH(0), 0..1).
  ADD COLUMN `OarVolumeCc` double NULL,
  ADD COLUMN `OverlapFraction` double NULL,
  -- Exact r_v (mm) for v = 5 %, 10 %, ..., 100 % from the voxel distances, comma-separated, prefixed
  -- with the format marker rtds-rv-v1:.
  ADD COLUMN `RvMm` varchar(400) NULL,
  -- Exact statistics of the signed OAR voxel distances, rtds-dstat-v1:mean,median,min,max,sd,skewness
  -- (mm except the dimensionless skewness).
  ADD COLUMN `DistanceStats` varchar(200) NULL,
  ADD KEY `ovh_fk_ptv_roi_id_fk_rt_rois_id` (`fk_ptv_roi_id`),
  ADD KEY `ovh_fk_oar_roi_id_fk_rt_rois_id` (`fk_oar_roi_id`),
  ADD CONSTRAINT `ovh_fk_ptv_roi_id_fk_rt_rois_id` FOREIGN KEY (`fk_ptv_roi_id`) REFERENCES `rt_rois` (`id`),
  ADD CONSTRAINT `ovh_fk_oar_roi_id_fk_rt_rois_id` FOREIGN KEY (`fk_oar_roi_id`) REFERENCES `rt_rois` (`id`);

ALTER TABLE `sts`
  ADD COLUMN `fk_ptv_roi_id` int(11) NULL,
  ADD COLUMN `fk_oar_roi_id` int(11) NULL,
  ADD KEY `sts_fk_ptv_roi_id_fk_rt_rois_id` (`fk_ptv_roi_id`),
  ADD KEY `sts_fk_oar_roi_id_fk_rt_rois_id` (`fk_oar_roi_id`),
  ADD CONSTRAINT `sts_fk_ptv_roi_id_fk_rt_rois_id` FOREIGN KEY (`fk_ptv_roi_id`) REFERENCES `rt_rois` (`id`),
  ADD CONSTRAINT `sts_fk_oar_roi_id_fk_rt_rois_id` FOREIGN KEY (`fk_oar_roi_id`) REFERENCES `rt_rois` (`id`);

-- The target levels pairs are matched on (AAPM TG-263's relative target names; PTV_All = the union of a
-- study's PTVs). Seeded here so that concurrent feature jobs never race to create them.
INSERT IGNORE INTO `oar_dictionary` (`ROIName`, `Role`) VALUES
  ('PTV_High', 'PTV'), ('PTV_Mid', 'PTV'), ('PTV_Low', 'PTV'), ('PTV_All', 'PTV');
