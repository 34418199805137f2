-- Takes every value of a hash and deletes it, in one step: a field written meanwhile is either taken now
-- or stays for the next taker, never lost between a read and a delete.
-- KEYS[1] the hash   Returns its values.
local values = redis.call('HVALS', KEYS[1])
redis.call('DEL', KEYS[1])
return values
