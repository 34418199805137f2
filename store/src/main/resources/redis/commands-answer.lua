-- Answers a console command and marks it carried out, in one step, and only if the caller still holds its
-- claim: a process that dies before this step leaves the command to another, one that dies after it leaves
-- nothing to do, and one that was taken for dead (a long pause) while another took over answers nothing.
-- An invite code the command created is stored in this same step, so that it exists exactly when answered.
-- KEYS[1] the events stream, KEYS[2] the command's claim, KEYS[3] optional: the invite code's key
-- ARGV: 1 the process id, 2 events TTL ms, 3 events cap, 4 claim TTL ms, 5 invite TTL ms, 6 invite JSON,
--       7.. the answer's fields and values
-- Returns 1 if answered, 0 if the claim was not the caller's.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return 0
end
if KEYS[3] then
  redis.call('SET', KEYS[3], ARGV[6], 'PX', ARGV[5])
end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 7))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], 'done', 'PX', ARGV[4])
return 1
