-- Reserved: another branch of issue 14 lands its migration under this number. This
-- placeholder lets 0021_chapters run on the chapters branch alone; drop it when merging.
SELECT 1;
