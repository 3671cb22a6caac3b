-- Placeholder for another branch's migration 0019 (issue 14), so that 0020 follows without a gap on
-- this branch: delete this file when merging the branch that brings the real 0019.
SELECT 1;
